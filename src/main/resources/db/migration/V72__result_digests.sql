-- Issue 12: a night writes only the region-periods whose result changed. Each stored result (a region's own
-- figure, a province's roll-up, the country's) keeps a fingerprint of what was written (evaluate.ResultDigest): a
-- new quarter leaves the earlier periods' rows, and the run that produced them, as they were.
create table result_digest (
    region_code        varchar(10)  not null,
    scope              varchar(10)  not null,
    period_code        varchar(12)  not null,
    digest             varchar(64)  not null,
    run_id             bigint,
    primary key (region_code, scope, period_code)
);
