-- issue 11: what reports show beside the verdicts, computed by the evaluation.

-- Per service, as reported: the four application stages (Permendagri 59/2021, percent) and the
-- achievement the office reported itself (CAPAIAN_DILAPORKAN, may exceed 100).
alter table service_result add column stage1_pct numeric(12, 4);
alter table service_result add column stage2_pct numeric(12, 4);
alter table service_result add column stage3_pct numeric(12, 4);
alter table service_result add column stage4_pct numeric(12, 4);
alter table service_result add column reported_pct numeric(12, 4);

-- Per region and period: people still to serve (summed over services with both counts) and the
-- three services furthest from the standard, comma separated, weakest first.
alter table region_result add column still_to_serve numeric(24, 4);
alter table region_result add column weakest_services varchar(100);

-- Ranks of kabupaten/kota among those of their province (within_scope PROVINCE) and of the country
-- (NATIONAL), by the region's IP-SPM (subject REGION), a field index (a field code) or a service
-- index (a service code); equal indices share a rank. Provinces are never ranked among kabupaten/kota.
create table rank_result (
    region_code   varchar(10)  not null,
    period_code   varchar(12)  not null,
    subject       varchar(20)  not null,
    within_scope  varchar(10)  not null,
    rank_place    integer      not null,
    ranked_count  integer      not null,
    primary key (region_code, period_code, subject, within_scope)
);
