-- Store one frozen KPI value of a review.
-- Parameters: $month (VARCHAR, YYYY-MM), $programme (VARCHAR, '' = every programme),
-- $department (VARCHAR, '' = the whole workspace), $kpi_id (VARCHAR), $value (DOUBLE, NULL
-- when undefined), $frozen_at (TIMESTAMP), $frozen_by (VARCHAR).
INSERT INTO kpi_snapshots (month, programme, department, kpi_id, value, frozen_at, frozen_by)
VALUES ($month, $programme, $department, $kpi_id, $value, $frozen_at, $frozen_by)
