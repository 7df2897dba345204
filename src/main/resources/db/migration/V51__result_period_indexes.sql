-- The report reads results one region at a time (every period: the primary keys begin with region_code) or one period
-- at a time (every region: the index page, the service pages, the workbook), so that no reader holds every result of
-- every year in memory (issue 12). These indexes serve the reads by period.
create index service_result_period on service_result (period_code);
create index field_result_period on field_result (period_code);
create index indicator_result_period on indicator_result (period_code);
create index trend_result_period on trend_result (period_code);
create index rank_result_period on rank_result (period_code);
create index mutu_result_period on mutu_result (period_code);
-- A service page lists every region's result of one service in every period.
create index service_result_service on service_result (service_code, period_code);
