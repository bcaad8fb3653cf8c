-- Who registered the case: the assignee of its completed 登记案件 (Task_RegisterCase), written when that task completes
-- (org.casedesk.registration.RecordRegisteredByListener), for the KPIs by operator. Until now the reports looked it up
-- in the engine's history per case, which is slow over a month of cases and lost when the history is cleaned up.
-- Null until registered, when no one had claimed the task, and for the report split off a complaint-and-report.
-- V14 copies it from the history for the cases registered before. Plain SQL for H2 and MySQL 8.
alter table case_file add column registered_by varchar(64);
