-- Second step of the kpi_snapshots upgrade, once the schema has recreated the table: copy
-- the old rows as whole-workspace snapshots. Staged copy only. No parameters.
INSERT INTO kpi_snapshots (month, programme, department, kpi_id, value, frozen_at, frozen_by)
SELECT month, programme, '', kpi_id, value, frozen_at, NULL
FROM kpi_snapshots_old
