-- Doctors who answer questions; an ADMIN may also manage the other doctors.
create table doctor
(
    id            uuid primary key,
    username      text        not null unique,
    display_name  text        not null,
    email         text        not null,
    password_hash text        not null,
    role          text        not null check (role in ('DOCTOR', 'ADMIN')),
    active        boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create table doctor_specialty
(
    doctor_id uuid not null references doctor (id) on delete cascade,
    specialty text not null,
    primary key (doctor_id, specialty)
);

-- One row per question, fed by question.submitted (content) and question.routed (queue placement), which may
-- arrive in either order: NEW until routed, then OPEN, CLAIMED (by one doctor) and finally ANSWERED.
create table queue_item
(
    question_id         uuid primary key,
    title               text,
    body                text,
    nickname            text,
    age_range           text,
    gender              text,
    requested_specialty text,
    urgent              boolean     not null default false,
    asked_at            timestamptz,
    specialty           text,
    routed_by           text,
    priority            integer     not null default 0,
    claim_due_at        timestamptz,
    reply_due_at        timestamptz,
    routed_at           timestamptz,
    queued_at           timestamptz,
    status              text        not null default 'NEW'
        check (status in ('NEW', 'OPEN', 'CLAIMED', 'ANSWERED')),
    claimed_by          uuid references doctor (id),
    claimed_at          timestamptz
);

create index queue_item_open_by_specialty on queue_item (specialty, priority desc, asked_at)
    where status = 'OPEN';
create index queue_item_claimed_by on queue_item (claimed_by) where status = 'CLAIMED';

create table reply
(
    id          uuid primary key,
    question_id uuid        not null unique references queue_item (question_id),
    doctor_id   uuid        not null references doctor (id),
    body        text        not null,
    posted_at   timestamptz not null
);
