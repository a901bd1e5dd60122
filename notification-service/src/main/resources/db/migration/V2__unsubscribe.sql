-- Patients who unsubscribed from optional mail (RECEIVED, DELAYED), by a hash of their address: the choice covers
-- every question asked with that address, and the table holds no address itself.
create table unsubscribed_address
(
    address_hash    text primary key,
    question_id     uuid        not null,
    unsubscribed_at timestamptz not null
);

-- The signed link of an optional mail, also sent as its List-Unsubscribe header (RFC 8058 one-click).
alter table delivery add column unsubscribe_url text;
