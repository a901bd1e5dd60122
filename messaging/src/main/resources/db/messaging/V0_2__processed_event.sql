-- Events this service has processed, so a redelivered event changes nothing the second time.
create table if not exists processed_event
(
    event_id     uuid primary key,
    topic        text        not null,
    processed_at timestamptz not null default now()
);
