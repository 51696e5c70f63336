-- Actions page: the actions starting in the period (the same set as kpi_actions).
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only records placed in that department).
-- Needs "ref" for department names.
SELECT
    a.start_date,
    strftime(a.start_date, '%Y-%m') AS month,
    a.type,
    a.title,
    a.publics,
    coalesce(a.participants, 0) AS participants,
    a.department_code,
    d.name AS department_name
FROM actions a
LEFT JOIN ref.departments d ON d.code = a.department_code
WHERE a.start_date BETWEEN $start AND $end
  AND ($programme IS NULL OR a.programme = $programme)
  AND ($department IS NULL OR a.department_code = $department)
ORDER BY a.start_date, a.title
