-- Issue 12: a night with nothing new should not group every stored value by region to learn that nothing
-- changed. The values mark (count of measured_value rows and the largest id) changes with every insert and
-- delete, and active flags change only when values of a new file are reconciled; a night whose mark equals the
-- last evaluation's skips the per-region fingerprints. A night that found the fingerprints unchanged under a new
-- mark (a file whose values all conflicted, say) moves the mark forward on the last row.
alter table evaluation_run add column values_mark varchar(80);
