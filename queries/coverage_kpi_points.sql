-- Distinct points that may reach a QPV for the coverage KPIs: actors listed by $end_date and
-- actions of the 12 months ending on $end_date (their own coordinates, else their commune's
-- reference point), as in coverage_actors.sql and coverage_events.sql.
-- Parameters: $end_date (DATE), $programme (programme name or NULL; restricts actions only).
SELECT DISTINCT lon, lat
FROM (
    SELECT lon, lat
    FROM actors
    WHERE listed_on IS NULL OR listed_on <= CAST($end_date AS DATE)
    UNION ALL
    SELECT coalesce(a.lon, c.lon), coalesce(a.lat, c.lat)
    FROM actions a
    LEFT JOIN ref.communes c ON c.code = a.commune_code
    WHERE a.start_date > CAST($end_date AS DATE) - INTERVAL 12 MONTH
      AND a.start_date <= CAST($end_date AS DATE)
      AND ($programme IS NULL OR a.programme = $programme)
)
WHERE lon IS NOT NULL AND lat IS NOT NULL
