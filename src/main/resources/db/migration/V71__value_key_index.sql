-- Issue 12: a receipt's "what this file changed" joins each value with the earlier values of the same
-- region, period and measure; without this index the archive step spent seconds per file on it.
create index measured_value_key on measured_value (region_code, period_code, measure_code);
