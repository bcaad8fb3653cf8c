-- The case file: the source of truth for case data (DESIGN.md, "Architecture").
-- Plain SQL that runs on H2 and MySQL 8. Times are UTC instants.

create table case_file (
    case_number          varchar(20)   not null primary key,
    process_instance_id  varchar(64),
    channel              varchar(20)   not null,
    status               varchar(30)   not null,
    case_type            varchar(30),
    category             varchar(40),
    complainant_name     varchar(100),
    complainant_phone    varchar(30),
    complainant_address  varchar(300),
    complainant_email    varchar(200),
    respondent_name      varchar(200),
    respondent_address   varchar(300),
    respondent_district  varchar(6),
    respondent_street    varchar(100),
    platform_name        varchar(100),
    description          varchar(4000),
    claim                varchar(1000),
    amount               decimal(12, 2),
    handling_unit        varchar(40),
    handling_unit_name   varchar(100),
    not_accepted_ground  varchar(40),
    informed_by          varchar(20),
    answer               varchar(2000),
    handling_outcome     varchar(30),
    outcome_note         varchar(2000),
    termination_reason   varchar(500),
    recovered_amount     decimal(12, 2),
    satisfaction         varchar(20),
    supervision_rounds   int           default 0 not null,
    closure              varchar(30),
    linked_case_number   varchar(20),
    received_at          datetime(3)   not null,
    registered_at        datetime(3),
    forwarded_at         datetime(3),
    handled_at           datetime(3),
    closed_at            datetime(3)
);

create index ix_case_file_process_instance on case_file (process_instance_id);
create index ix_case_file_status on case_file (status);
create index ix_case_file_received_at on case_file (received_at);

-- One row per Shanghai calendar day (received_day = yyyyMMdd); the row lock makes case numbers unique across app nodes.
create table case_number_sequence (
    received_day  char(8) not null primary key,
    last_number    int     not null
);
