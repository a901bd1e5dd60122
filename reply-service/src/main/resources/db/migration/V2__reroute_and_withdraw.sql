-- A question can leave the queues without an answer: REROUTING while the workflow places it in the specialty a
-- doctor asked for (it reopens there on the next question.routed), WITHDRAWN when the patient took it back.
alter table queue_item drop constraint queue_item_status_check;
alter table queue_item add constraint queue_item_status_check
    check (status in ('NEW', 'OPEN', 'CLAIMED', 'ANSWERED', 'REROUTING', 'WITHDRAWN'));

alter table queue_item
    add column reroute_to           text,
    add column reroute_requested_at timestamptz,
    add column withdrawn_at         timestamptz;

-- what the queue pages show, for the digest the live refresh compares (QueueItems.digestBySpecialty)
create index queue_item_active_by_specialty on queue_item (specialty) where status in ('OPEN', 'CLAIMED');
