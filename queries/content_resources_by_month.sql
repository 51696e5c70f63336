-- Resources dated in the period, counted by month (YYYY-MM) and type.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme),
-- $department (VARCHAR, NULL = every department: else resources of an actor of that department,
-- as kpi_resources).
SELECT strftime(date, '%Y-%m') AS month, type, count(*) AS resources
FROM resources
WHERE date BETWEEN $start AND $end
  AND ($programme IS NULL OR programme = $programme)
  AND ($department IS NULL OR actor_id IN
       (SELECT actor_id FROM actors WHERE department_code = $department))
GROUP BY ALL
ORDER BY month, type
