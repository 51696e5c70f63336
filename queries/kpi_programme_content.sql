-- KPI catalogue, programme group: the lines of the programme's description.
-- Parameters: $programme (VARCHAR, NULL = every programme). Not dated: a programme's missions
-- and orientations hold for its whole length.
-- $department (VARCHAR): accepted for the catalogue, the lines are the same in every department.
SELECT
    count(*) FILTER (WHERE element = 'mission')      AS programme_missions,
    count(*) FILTER (WHERE element = 'orientation')  AS programme_orientations
FROM programme_items
WHERE ($programme IS NULL OR programme = $programme)
  AND ($department IS NULL OR $department IS NOT NULL)  -- every department shares them
