-- The frozen KPI values of one review, with when and by whom it was frozen.
-- Parameters: $month (VARCHAR, YYYY-MM), $programme (VARCHAR, '' = every programme),
-- $department (VARCHAR, '' = the whole workspace).
SELECT kpi_id, value, frozen_at, frozen_by
FROM kpi_snapshots
WHERE month = $month AND programme = $programme AND department = $department
ORDER BY kpi_id
