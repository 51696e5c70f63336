-- Actor points for coverage. $circles: list of circles to keep, or NULL for every actor
-- (actors without a circle included); $end_date: keep actors listed by that date (undated
-- actors always count), or NULL for all.
SELECT actor_id, circle, commune_code, department_code, lon, lat
FROM actors
WHERE ($circles IS NULL OR list_contains($circles, circle))
  AND ($end_date IS NULL OR listed_on IS NULL OR listed_on <= CAST($end_date AS DATE))
ORDER BY actor_id
