-- The patient's contact of each question: the only copy of the address outside question-service.
create table question_contact
(
    question_id  uuid primary key,
    email        text        not null,
    nickname     text,
    title        text        not null,
    tracking_url text,
    language     text,
    submitted_at timestamptz not null
);

-- Doctors as reply-service announces them, so reminders reach the active doctors of a specialty.
create table doctor
(
    doctor_id   uuid primary key,
    name        text        not null,
    email       text,
    specialties text[]      not null,
    active      boolean     not null,
    updated_at  timestamptz not null
);
create index doctor_by_specialty on doctor using gin (specialties);

-- One mail to one recipient. A request (notification_id) has one delivery per recipient: the patient, or each
-- active doctor of the specialty for a REMINDER. The unique key is what makes a duplicated request send nothing.
create table delivery
(
    id               uuid primary key,
    notification_id  uuid        not null,
    recipient_key    text        not null,
    question_id      uuid        not null,
    kind             text        not null,
    recipient        text        not null,
    recipient_name   text,
    message_id       text        not null,
    subject          text        not null,
    text_body        text        not null,
    html_body        text        not null,
    -- PENDING: due at next_attempt_at; SENDING: claimed by a sender until next_attempt_at (its lease);
    -- SENT and FAILED are final (an operator may retry a FAILED one).
    status           text        not null,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz,
    give_up_at       timestamptz not null,
    last_error       text,
    smtp_response    text,
    requested_at     timestamptz not null,
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    sent_at          timestamptz,
    failed_at        timestamptz,
    constraint delivery_once_per_recipient unique (notification_id, recipient_key)
);
create index delivery_by_question on delivery (question_id);
create index delivery_due on delivery (next_attempt_at) where status in ('PENDING', 'SENDING');
