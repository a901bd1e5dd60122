-- A patient's question and what later events bring to it. The email is private: never shown, never logged.
create table question
(
    id                  uuid primary key,
    tracking_token      text        not null unique,   -- 256 random bits, URL-safe; the patient's only key
    nickname            text        not null,
    email               text        not null,
    age_range           text        not null,          -- io.askflow.events.AgeRange constant
    gender              text        not null,          -- io.askflow.events.Gender constant
    requested_specialty text,                          -- the patient's choice; null: routing decides
    title               text        not null,
    body                text        not null,
    language            text        not null,
    consent_to_publish  boolean     not null,
    urgent              boolean     not null,          -- the text shows warning signs (askflow.patients.warning-signs)
    status              text        not null,          -- the latest status step (io.askflow.events.Step)
    asked_at            timestamptz not null,
    specialty           text,                          -- assigned by routing (question.routed)
    specialty_at        timestamptz,                   -- when that routing happened: older events don't win
    doctor_id           uuid,                          -- the doctor holding the claim, then the one who replied
    doctor_name         text,
    doctor_at           timestamptz,
    reply_id            uuid,
    reply_body          text,
    reply_doctor_name   text,
    reply_specialty     text,
    replied_at          timestamptz,
    enrichment          jsonb,                         -- {moreInfo, similarQuestions, relatedFaq}
    enriched_at         timestamptz
);

-- The public archive: answered questions whose asker consented, newest first, by specialty.
create index question_public_idx on question (coalesce(reply_specialty, specialty), replied_at desc)
    where reply_body is not null and consent_to_publish;

-- Search of the archive by words in title, question or reply (English stemming; other scripts fall back to ilike).
create index question_search_idx on question using gin (
    to_tsvector('english', title || ' ' || body || ' ' || coalesce(reply_body, '')))
    where reply_body is not null and consent_to_publish;

-- The dated steps of each question, as the workflow reports them. CLAIMED and RELEASED may repeat, each at
-- its own date; the same step at the same date is the same step (a republished event adds nothing).
create table question_step
(
    question_id uuid        not null references question (id),
    step        text        not null,
    at          timestamptz not null,
    primary key (question_id, step, at)
);
