-- issue 10: an uncapped percentage is a ratio of two stored values (served / target x 100, spent / planned x 100).
-- The parser bounds the values (20 whole digits, amounts 15, people by the region's population), but a ratio over
-- a small divisor can still pass 10 whole digits: numeric(12, 2) then failed the whole evaluate step, every night.
-- 28 whole digits hold any ratio of stored values (10^20 / 10^-4 x 100 = 10^26).
alter table service_result alter column recipient_pct_uncapped set data type numeric(30, 2);
alter table service_result alter column budget_pct set data type numeric(30, 2);
alter table region_result alter column budget_pct set data type numeric(30, 2);
