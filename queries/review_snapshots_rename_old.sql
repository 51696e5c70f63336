-- First step of upgrading a kpi_snapshots table made before the department column (its
-- primary key lacks it, so it cannot be altered in place): move it aside. Staged copy only.
-- No parameters.
ALTER TABLE kpi_snapshots RENAME TO kpi_snapshots_old
