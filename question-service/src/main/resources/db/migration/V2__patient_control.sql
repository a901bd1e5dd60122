-- Per-client counters of the rate limit (askflow.rate-limit.*): one row per action, client address and time
-- window, upserted in the transaction of the action it counts, so every instance sees the same counts and a
-- refused or failed action counts nothing. Rows of past windows are deleted after two days.
create table rate_limit
(
    action       text        not null,          -- what is counted: ASK, LINK_REQUEST
    client       text        not null,          -- the client's IP address (see RateLimiter)
    time_window  text        not null,          -- MINUTE or DAY
    window_start timestamptz not null,          -- UTC start of the window
    hits         integer     not null,
    primary key (action, client, time_window, window_start)
);
create index rate_limit_window_start_idx on rate_limit (window_start);

-- When the patient withdrew their consent to publishing (consent_to_publish is false from then on).
alter table question add column consent_withdrawn_at timestamptz;

-- "Send me my link again" finds questions by address, whatever case it was typed in.
create index question_email_idx on question (lower(email));

-- Each request for a tracking link to be sent again, per question found for the address. Nothing is sent yet:
-- notification-service mails only what the workflow requests, and no event carries this request (see README).
create table tracking_link_request
(
    id           uuid primary key,
    question_id  uuid        not null references question (id),
    requested_at timestamptz not null
);
create index tracking_link_request_question_idx on tracking_link_request (question_id);
