-- One row per deadline a case met or missed: when the step started, when it was due, when it finished,
-- and when it became overdue. Written as the lifecycle runs (RecordDeadlineListener, MarkOverdueDelegate),
-- for the overdue bulletin and the reports.

alter table case_file add column overdue boolean default false not null;

create table case_deadline (
    activity_instance_id  varchar(64)  not null primary key,
    case_number           varchar(20)  not null,
    deadline              varchar(30)  not null,
    started_at            datetime(3)  not null,
    due_at                datetime(3)  not null,
    finished_at           datetime(3),
    overdue_at            datetime(3)
);

create index ix_case_deadline_case on case_deadline (case_number, deadline);
create index ix_case_deadline_due on case_deadline (finished_at, due_at);
