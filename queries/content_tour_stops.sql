-- The stops of tours starting in the period (as kpi_tours): tour, town, dates, visitors.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme),
-- $department (VARCHAR, NULL = every department). Needs "ref" for the commune names.
SELECT
    coalesce(a.tour_name, a.tour_id) AS tour,
    c.name                           AS commune,
    a.department_code,
    a.start_date,
    a.end_date,
    date_diff('day', a.start_date, coalesce(a.end_date, a.start_date)) + 1 AS days,
    a.participants                   AS visitors,
    a.lon,
    a.lat
FROM actions a
LEFT JOIN ref.communes c ON c.code = a.commune_code
WHERE a.tour_id IS NOT NULL
  AND a.start_date BETWEEN $start AND $end
  AND ($programme IS NULL OR a.programme = $programme)
  AND ($department IS NULL OR a.department_code = $department)
ORDER BY a.start_date, c.name
