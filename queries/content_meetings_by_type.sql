-- Meetings dated in the period, counted by type and by whether the structure is in the region.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme),
-- $department (VARCHAR, NULL = every department).
SELECT type, in_region, count(*) AS meetings
FROM meetings
WHERE date BETWEEN $start AND $end
  AND ($programme IS NULL OR programme = $programme)
  AND ($department IS NULL OR department_code = $department)
GROUP BY ALL
ORDER BY type, in_region
