-- KPI catalogue, actions group: one row whose columns are KPI ids.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only records placed in that department).
-- Actions whose start_date falls in the period; an action with no participant count adds 0.
SELECT
    count(*)                        AS actions_total,
    coalesce(sum(participants), 0)  AS actions_audience
FROM actions
WHERE start_date BETWEEN $start AND $end
  AND ($programme IS NULL OR programme = $programme)
  AND ($department IS NULL OR department_code = $department)
