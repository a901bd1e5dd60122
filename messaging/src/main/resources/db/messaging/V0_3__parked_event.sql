-- Events that came before the state they need, set aside so that later records of their partition go on
-- (EventParking); replayed to their topic when their question moves on or on a timer (ParkedEventReplay), and
-- dead-lettered once askflow.kafka.retry.too-early-for has passed since first_parked_at.
create table if not exists parked_event
(
    id              bigint generated always as identity primary key,
    topic           text        not null,
    kafka_partition int         not null,
    kafka_offset    bigint      not null,
    consumer_group  text        not null,
    record_key      text,
    record_value    bytea,
    -- the record's own headers, [{"name":…,"value":base64}], in their order
    headers         jsonb       not null,
    -- when the event was first parked, carried over replays (header askflow_parked_since): the budget's start
    first_parked_at timestamptz not null,
    parked_at       timestamptz not null default now(),
    -- replays before this parking
    attempts        int         not null,
    next_attempt_at timestamptz not null,
    last_error      text,
    -- a record redelivered after a crash between parking and the offset commit is parked once
    unique (topic, kafka_partition, kafka_offset)
);
create index if not exists parked_event_due_idx on parked_event (next_attempt_at);
create index if not exists parked_event_key_idx on parked_event (record_key);
