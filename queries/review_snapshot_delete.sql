-- Remove the frozen values of one review (before freezing it again).
-- Parameters: $month (VARCHAR, YYYY-MM), $programme (VARCHAR, '' = every programme),
-- $department (VARCHAR, '' = the whole workspace).
DELETE FROM kpi_snapshots
WHERE month = $month AND programme = $programme AND department = $department
