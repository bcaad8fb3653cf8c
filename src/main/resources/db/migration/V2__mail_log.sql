-- One row per notification mail sent (org.casedesk.notification). The row is written in the same transaction
-- as the BPMN step that sends the mail, so a committed row means the mail went out, and a repeated step with
-- the same message key sends nothing. Plain SQL that runs on H2 and MySQL 8. Times are UTC instants.

create table mail_log (
    message_key  varchar(255)  not null primary key,
    case_number  varchar(20),             -- null for the daily bulletin, which is about many cases
    recipients   varchar(4000) not null,
    subject      varchar(500)  not null,
    sent_at      datetime(3)   not null
);

create index ix_mail_log_case_number on mail_log (case_number);
