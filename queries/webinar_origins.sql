-- Formations page: the distinct webinar participants of the period by origin (people.origin:
-- programme, region, hors_region; NULL when not given), as webinar_participants counts them.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only webinars placed in that department).
SELECT p.origin, count(DISTINCT p.person_id) AS people
FROM sessions s
JOIN attendances a USING (session_id)
JOIN people p USING (person_id)
WHERE s.type = 'webinaire'
  AND s.start_date BETWEEN $start AND $end
  AND ($programme IS NULL OR s.programme = $programme)
  AND ($department IS NULL OR s.department_code = $department)
GROUP BY ALL
ORDER BY people DESC, p.origin NULLS LAST
