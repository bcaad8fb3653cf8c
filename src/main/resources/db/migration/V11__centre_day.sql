-- One row per Shanghai calendar day, for the reports (org.casedesk.reporting): the day's start and end as UTC
-- instants, so "which day" is a range join that needs no time-zone function, and the number of working days before
-- it (China's official calendar, org.casedesk.deadline.WorkingDayCalendar), so the working days a step took are a
-- subtraction. Filled at start-up by org.casedesk.reporting.CentreDays. Plain SQL for H2 and MySQL 8.

create table centre_day (
    day_date             date         not null primary key,
    starts_at            datetime(3)  not null,
    ends_at              datetime(3)  not null,
    working_day          boolean      not null,
    working_days_before  int          not null
);

create unique index ux_centre_day_starts_at on centre_day (starts_at, ends_at);

-- The reports count cases closed, and deadline steps that became overdue, within a period.
create index ix_case_file_closed_at on case_file (closed_at);
create index ix_case_deadline_overdue on case_deadline (overdue_at);
