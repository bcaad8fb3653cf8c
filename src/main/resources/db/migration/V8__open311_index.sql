-- Open311's GET requests (org.casedesk.intake.Open311Requests) reads one client's cases: those of its channel whose
-- external reference starts with open311:<client>:, received within a range, newest first. The unique index on
-- (channel, external_reference) finds the client's cases but not their dates; this one also holds received_at, so
-- the range is checked in the index and only the client's cases in range are read and sorted. Plain SQL for H2 and
-- MySQL 8.

create index ix_case_file_open311 on case_file (channel, external_reference, received_at);
