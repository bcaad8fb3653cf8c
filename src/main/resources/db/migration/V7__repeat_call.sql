-- Repeat callers (市民重复来电, org.casedesk.intake.RepeatCalls): at intake a case is linked to the open cases received
-- within casedesk.intake.repeat-window from the same phone, or from the same complainant about the same respondent,
-- and flagged, so statistics can count repeat calls. Nothing is dropped: an operator may merge a true duplicate
-- into one of its linked open cases at registration, and it then closes as MERGED. Plain SQL for H2 and MySQL 8.

-- The comparison keys, written at intake: the phone's digits only; complainant and respondent names NFKC-normalised,
-- without whitespace and in lower case, joined by '|'. Null when the case has no phone, or lacks either name.
alter table case_file add column phone_key varchar(30);
alter table case_file add column parties_key varchar(310);
-- True when intake linked the case to at least one open case.
alter table case_file add column repeat_call boolean default false not null;
-- The open case a duplicate was merged into at registration (closure MERGED).
alter table case_file add column merged_into varchar(20);

create index ix_case_file_phone_key on case_file (phone_key, received_at);
create index ix_case_file_parties_key on case_file (parties_key, received_at);

-- One row per open case a new case was linked to at intake, and why.
create table repeat_call_link (
    case_number         varchar(20)  not null,  -- the new case
    linked_case_number  varchar(20)  not null,  -- the open case found
    same_phone          boolean      not null,
    same_parties        boolean      not null,  -- same complainant and same respondent
    linked_at           datetime(3)  not null,
    primary key (case_number, linked_case_number)
);

create index ix_repeat_call_link_linked on repeat_call_link (linked_case_number);
