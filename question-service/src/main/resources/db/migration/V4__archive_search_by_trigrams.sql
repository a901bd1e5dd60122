-- The archive's search also matches what English stemming cannot: text without spaces between words (Chinese,
-- Japanese) and parts of words, with ilike '%...%'. A pattern with a leading wildcard can use no b-tree or
-- full-text index, so every search read the whole table, unanswered questions included (issue 13). A trigram
-- index over the same text serves it; the search's ilike is written on exactly this expression.
create extension if not exists pg_trgm;
create index question_search_text_idx on question using gin (
    (title || ' ' || body || ' ' || coalesce(reply_body, '')) gin_trgm_ops)
    where reply_body is not null and consent_to_publish;
