-- Results gain a scope (a region's own services, or a province's roll-up over its kabupaten/kota),
-- the region's planned target beside the national standard, what a cumulative figure is made of,
-- and every indicator's value. Results are rebuilt from the values at each run, so the tables are
-- recreated rather than altered (the same DDL then runs on H2 and PostgreSQL).
drop table service_result;
drop table field_result;
drop table region_result;

create table service_result (
    region_code            varchar(10)  not null,
    period_code            varchar(12)  not null,
    scope                  varchar(10)  not null,  -- OWN, ROLLUP
    service_code           varchar(20)  not null,
    field_code             varchar(20)  not null,
    target_population      numeric(24, 4),
    served                 numeric(24, 4),
    recipient_pct_uncapped numeric(12, 2),
    recipient_pct          numeric(7, 2),
    quality_pct            numeric(7, 2),
    mutu_items             integer      not null,
    service_index          numeric(7, 2),
    category               varchar(30),
    status                 varchar(20)  not null,  -- COMPUTED, NOTHING_TO_SERVE, NOT_COMPUTABLE
    warnings               varchar(200),
    plan_target            numeric(7, 2),          -- the region's own planned recipient achievement, if set
    regencies_included     integer,                -- ROLLUP: kabupaten/kota whose counts are summed
    rule_version           varchar(20)  not null,
    primary key (region_code, period_code, scope, service_code)
);

create table field_result (
    region_code        varchar(10)  not null,
    period_code        varchar(12)  not null,
    scope              varchar(10)  not null,
    field_code         varchar(20)  not null,
    field_index        numeric(7, 2),
    category           varchar(30),
    services_computed  integer      not null,
    services_total     integer      not null,
    rule_version       varchar(20)  not null,
    primary key (region_code, period_code, scope, field_code)
);

create table region_result (
    region_code        varchar(10)  not null,
    period_code        varchar(12)  not null,
    scope              varchar(10)  not null,
    region_index       numeric(7, 2),
    category           varchar(30),
    fields_computed    integer      not null,
    fields_total       integer      not null,
    periods_covered    varchar(200) not null,  -- e.g. 2026-TW1,2026-TW2,2026-TW3 for a cumulative TW3 figure
    periods_missing    varchar(200),           -- periods the figure should add up but were not reported
    derived            boolean      not null,  -- a year made from its four quarters
    rule_version       varchar(20)  not null,
    primary key (region_code, period_code, scope)
);

create table indicator_result (
    region_code        varchar(10)  not null,
    period_code        varchar(12)  not null,
    scope              varchar(10)  not null,
    indicator_code     varchar(100) not null,
    service_code       varchar(20)  not null,
    indicator_value    numeric(24, 4),          -- null: not computable
    target             numeric(24, 4),
    plan_target        numeric(24, 4),
    primary key (region_code, period_code, scope, indicator_code)
);
