-- Knowledge records as imported (ids unchanged from the import file). content_hash makes a re-import a no-op;
-- changed_at lets every instance's search index pick up what changed.
create table knowledge_record
(
    id             text primary key,
    source         text        not null,
    url            text,
    focus          text,
    synonyms       jsonb       not null default '[]',
    category       text,
    semantic_group text,
    cuis           jsonb       not null default '[]',
    qtype          text,
    question       text        not null,
    answer         text        not null default '',
    content_hash   text        not null,
    changed_at     timestamptz not null default now()
);
create index knowledge_record_changed_at_idx on knowledge_record (changed_at);

-- What enrichment needs of a submitted question (never the patient's address).
create table asked_question
(
    question_id         uuid primary key,
    title               text        not null,
    body                text        not null,
    consent_to_publish  boolean     not null,
    requested_specialty text,
    asked_at            timestamptz not null
);

-- The latest reply to a question; consented rows are searchable as Similar Q&A.
create table answered_question
(
    question_id uuid primary key references asked_question (question_id),
    reply_id    uuid        not null,
    doctor_name text,
    specialty   text,
    reply_body  text        not null,
    answered_at timestamptz not null,
    changed_at  timestamptz not null default now()
);
create index answered_question_changed_at_idx on answered_question (changed_at);

-- One enrichment per reply, stored in the transaction that publishes reply.enriched.
create table reply_enrichment
(
    reply_id          uuid primary key,
    question_id       uuid        not null,
    more_info         jsonb       not null,
    similar_questions jsonb       not null,
    related_faq       jsonb       not null,
    enriched_at       timestamptz not null
);
create index reply_enrichment_question_idx on reply_enrichment (question_id);
