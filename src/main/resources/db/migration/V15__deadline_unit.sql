-- The unit a deadline step is charged to in the reports: the case's handling unit when the step started, written with
-- the row (org.casedesk.deadline.DeadlineFacts). Until now the reports charged every step to the case's current unit,
-- so a case returned by one unit and forwarded to another charged the first unit's late step to the second. Null for
-- steps started while the case was with no unit: registration, telling a consumer the case is not accepted, and the
-- time with the dispatchers. Plain SQL for H2 and MySQL 8.
alter table case_deadline add column handling_unit varchar(40);
alter table case_deadline add column handling_unit_name varchar(100);

-- Earlier rows: the case's current unit for the steps started at or after its last forwarding; steps started before
-- it (registration, or at a unit that returned the case) stay without a unit, as no row tells which unit had them.
update case_deadline set
    handling_unit = (select c.handling_unit from case_file c
                     where c.case_number = case_deadline.case_number and c.forwarded_at <= case_deadline.started_at),
    handling_unit_name = (select c.handling_unit_name from case_file c
                          where c.case_number = case_deadline.case_number and c.forwarded_at <= case_deadline.started_at);

-- The KPIs read the steps finished in a period with their start, due time, deadline, unit and case: all in this
-- index, so a month's steps are one range of it without reading the rows.
create index ix_case_deadline_finished on case_deadline (finished_at, started_at, due_at, deadline, handling_unit,
    handling_unit_name, case_number);
