-- Failed public status look-ups (org.casedesk.intake.StatusLookup), kept a day: a client, or a case number,
-- with too many recent failures is refused for a while, so the last four digits of a phone cannot be guessed.
-- In the database, not in memory, so the limit holds across all app nodes.

create table status_lookup_failure (
    client       varchar(64)   not null,
    case_number  varchar(20)   not null,
    failed_at    datetime(3)   not null
);

create index ix_status_lookup_failure_client on status_lookup_failure (client, failed_at);
create index ix_status_lookup_failure_case on status_lookup_failure (case_number, failed_at);
