-- KPI catalogue, resources group: resources and communication dated in the period.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
SELECT
    count(*)                                       AS resources_total,
    count(*) FILTER (WHERE type = 'portrait')      AS resources_portraits,
    count(*) FILTER (WHERE type = 'catalogue')     AS resources_catalogues
FROM resources
WHERE date BETWEEN $start AND $end
  AND ($programme IS NULL OR programme = $programme)
