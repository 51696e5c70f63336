-- KPI catalogue, programme group: the lines of the programme's description.
-- Parameters: $programme (VARCHAR, NULL = every programme). Not dated: a programme's missions
-- and orientations hold for its whole length.
SELECT
    count(*) FILTER (WHERE element = 'mission')      AS programme_missions,
    count(*) FILTER (WHERE element = 'orientation')  AS programme_orientations
FROM programme_items
WHERE ($programme IS NULL OR programme = $programme)
