-- The steps the centre's own operators do are charged to no unit: registration, telling a consumer the case is not
-- accepted and the revisit (回访, candidate group operators in processes/case-lifecycle.bpmn). V15 charged a revisit to
-- the unit that handled the case; new rows take no unit for these steps (org.casedesk.deadline.DeadlineFacts). Plain
-- SQL for H2 and MySQL 8.
update case_deadline set handling_unit = null, handling_unit_name = null
where deadline in ('REGISTRATION', 'NOT_ACCEPTED_NOTICE', 'REVISIT') and handling_unit is not null;
