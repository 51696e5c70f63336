-- Last step of the kpi_snapshots upgrade: drop the moved-aside table. Staged copy only.
-- No parameters.
DROP TABLE kpi_snapshots_old
