-- KPI catalogue, network group: experts and inspiring initiatives of the actor directory.
-- Parameters: $end (DATE), $programme (VARCHAR, NULL = every programme).
-- Listed by the end of the period as in kpi_actors (an undated actor is always listed).
-- $department (VARCHAR, NULL = every department: else actors placed in that department).
SELECT
    count(*) FILTER (WHERE role = 'expert')      AS experts_total,
    count(*) FILTER (WHERE role = 'initiative')  AS initiatives_total
FROM actors
WHERE (listed_on IS NULL OR listed_on <= $end)
  AND ($programme IS NULL OR programme = $programme)
  AND ($department IS NULL OR department_code = $department)
