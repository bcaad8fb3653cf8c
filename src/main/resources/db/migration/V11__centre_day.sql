-- One row per Shanghai calendar day, for the reports (org.casedesk.reporting): the number of working days before it
-- in China's official calendar (org.casedesk.deadline.WorkingDayCalendar), so the working days a step took are a
-- subtraction of two rows found by their date. Filled at start-up by org.casedesk.reporting.CentreDays. Plain SQL
-- for H2 and MySQL 8.

create table centre_day (
    day_date             date  not null primary key,
    working_days_before  int   not null
);

-- The reports read the cases registered, forwarded and closed, and the deadline steps that became overdue, within a
-- period (received_at and finished_at have their indexes already).
create index ix_case_file_registered_at on case_file (registered_at);
create index ix_case_file_forwarded_at on case_file (forwarded_at);
create index ix_case_file_closed_at on case_file (closed_at);
create index ix_case_deadline_overdue on case_deadline (overdue_at);
