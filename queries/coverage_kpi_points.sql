-- Distinct points that may reach a QPV for the coverage KPIs: actors listed by $end and the
-- activities of period_activities (run queries/period_activities.sql on the same cursor first).
-- Parameters: $end (DATE).
SELECT DISTINCT lon, lat
FROM (
    SELECT lon, lat
    FROM actors
    WHERE listed_on IS NULL OR listed_on <= CAST($end AS DATE)
    UNION ALL
    SELECT lon, lat FROM period_activities
)
WHERE lon IS NOT NULL AND lat IS NOT NULL
