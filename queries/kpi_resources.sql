-- KPI catalogue, resources group: resources and communication dated in the period.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else resources of an actor of that department).
SELECT
    count(*)                                       AS resources_total,
    count(*) FILTER (WHERE type = 'portrait')      AS resources_portraits,
    count(*) FILTER (WHERE type = 'catalogue')     AS resources_catalogues
FROM resources
WHERE date BETWEEN $start AND $end
  AND ($programme IS NULL OR programme = $programme)
  AND ($department IS NULL OR actor_id IN
       (SELECT actor_id FROM actors WHERE department_code = $department))
