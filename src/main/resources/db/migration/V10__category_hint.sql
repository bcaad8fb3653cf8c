-- The category a channel system or the start form gave at intake, before an operator registers the case and sets
-- category. Open311 shows it as the request's service_code until then; the case table stays the source of truth.
alter table case_file add column category_hint varchar(40);
