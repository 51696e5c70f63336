-- Targets that may apply to a period: the rows of one year and of one month of it.
-- Parameters: $year (VARCHAR 'YYYY'), $month (VARCHAR 'YYYY-MM', or NULL for a whole year),
-- $programme (VARCHAR, '' = the targets set for every programme).
SELECT kpi_id, period, value
FROM targets
WHERE programme = $programme
  AND (period = $year OR period = $month)
ORDER BY kpi_id, period
