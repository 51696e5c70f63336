-- The stops of tours starting in the period (as kpi_tours): tour, stop number, town, dates,
-- visitors. A stop's number is its rank in its whole tour by date, whatever the filters.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme),
-- $department (VARCHAR, NULL = every department). Needs "ref" for the commune names.
WITH numbered AS (
    SELECT
        a.*,
        row_number() OVER (
            PARTITION BY a.tour_id ORDER BY a.start_date, a.commune_code, a.action_id
        ) AS stop
    FROM actions a
    WHERE a.tour_id IS NOT NULL
)
SELECT
    coalesce(a.tour_name, a.tour_id) AS tour,
    a.stop,
    a.commune_code,
    c.name                           AS commune,
    a.department_code,
    a.start_date,
    a.end_date,
    date_diff('day', a.start_date, coalesce(a.end_date, a.start_date)) + 1 AS days,
    a.participants                   AS visitors,
    a.lon,
    a.lat
FROM numbered a
LEFT JOIN ref.communes c ON c.code = a.commune_code
WHERE a.start_date BETWEEN $start AND $end
  AND ($programme IS NULL OR a.programme = $programme)
  AND ($department IS NULL OR a.department_code = $department)
ORDER BY a.start_date, a.stop
