-- A case pushed in by a channel system (org.casedesk.intake) carries that system's own reference. It is unique
-- per channel, so a repeated or racing submission finds the case already made instead of making a second one.
-- Cases taken by staff have none; unique indexes allow any number of nulls on H2 and MySQL.

alter table case_file add column external_reference varchar(100);
-- When the consumer's problem happened, as the channel system gives it (Art. 15: over three years is not accepted).
alter table case_file add column occurred_at datetime(3);

create unique index ux_case_file_external_reference on case_file (channel, external_reference);
