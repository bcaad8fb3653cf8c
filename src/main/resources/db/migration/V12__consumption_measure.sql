-- Consumption measures for the consumer-environment index (消费环境参数, org.casedesk.reporting.ConsumerIndex), as
-- supervisors enter them: e.g. 社会消费品零售总额 of 2026-10, for all consumption or for one case category. One value
-- per period, measure and category; entering it again replaces it. Plain SQL for H2 and MySQL 8.

create table consumption_measure (
    period       varchar(7)     not null,  -- a year (2026) or a month (2026-10), Shanghai time
    measure      varchar(100)   not null,  -- e.g. 社会消费品零售总额, 网上零售额
    category     varchar(40)    not null,  -- a code of registration/categories.csv, or '' for all categories
    amount       decimal(18, 2) not null,  -- in the measure's own unit (e.g. 亿元); only its growth is used
    entered_by   varchar(64)    not null,
    entered_at   datetime(3)    not null,
    primary key (period, measure, category)
);
