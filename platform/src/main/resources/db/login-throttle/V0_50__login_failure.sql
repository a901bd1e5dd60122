-- Failed logins, one row each, for the login throttle (askflow.security.login-throttle.*; LoginThrottle in the
-- platform), in the schema of each service that has a login, so every instance of the service sees the same counts.
-- Only failures are written; a login is refused while either its account or its address has max-failures rows
-- within the window. Rows older than the window are deleted (they are personal data: who tried from where).
-- Numbered 0.50: the platform's shared migrations sit below every service's own (V1...) and apart from
-- messaging's (0.1...), and are applied out of order to a schema that is already further.
create table login_failure
(
    account   text        not null,   -- the user name tried, lower case (see LoginThrottle)
    address   text        not null,   -- the client's IP address
    failed_at timestamptz not null default now()
);
create index login_failure_account_idx on login_failure (account, failed_at);
create index login_failure_address_idx on login_failure (address, failed_at);
create index login_failure_failed_at_idx on login_failure (failed_at);
