-- A 12345 work order arrives with its own deadline (org.casedesk.intake): no deadline of the case falls after it.
-- Null for every other channel.
alter table case_file add column work_order_due_at datetime(3);
