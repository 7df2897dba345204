-- Work tables of the reconcile step (NightReconciler), emptied at its start: one row per key and per
-- service of the night's values, so that conflicts and superseding are set operations over indexed
-- keys rather than a grouping repeated for every value (a million-row file reconciles in seconds).
create table reconcile_key (
    region_code      varchar(10)   not null,
    period_code      varchar(12)   not null,
    measure_code     varchar(100)  not null,
    keep_id          bigint        not null,   -- the value that will count (the last row of the key)
    in_conflict      boolean       not null,   -- the night holds different values for the key
    primary key (region_code, period_code, measure_code)
);

create table reconcile_service (
    region_code      varchar(10)   not null,
    period_code      varchar(12)   not null,
    service_code     varchar(20)   not null,
    received_at      timestamp     not null,   -- the latest file of the night reporting the service
    submission_id    bigint        not null,
    primary key (region_code, period_code, service_code)
);

create index measured_value_service on measured_value (region_code, period_code, service_code);
create index reconcile_key_keep on reconcile_key (keep_id);
