-- The hourly quota of new diary entries is counted in usage_counts, as exports are: one
-- row per patient and hour, raised in the same statement that writes the entries. Counting
-- the last hour's entries themselves on every write cost a range scan that grew with the
-- patient's own writes (up to the quota, 2,000 rows at the default), which is where a
-- flood of writes would make each one slowest.
ALTER TABLE usage_counts DROP CONSTRAINT usage_counts_kind_check;
ALTER TABLE usage_counts ADD CONSTRAINT usage_counts_kind_check
    CHECK (kind IN ('export', 'entry'));
