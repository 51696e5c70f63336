-- Monthly review: the sessions (every type) starting in a period, where, and their attendance.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme),
-- $department (VARCHAR, NULL = every department). Needs "ref" for commune names.
SELECT
    s.session_id,
    s.type,
    s.title,
    s.start_date,
    c.name AS commune,
    s.department_code,
    (SELECT count(*) FROM attendances a WHERE a.session_id = s.session_id) AS attendances
FROM sessions s
LEFT JOIN ref.communes c ON c.code = s.commune_code
WHERE s.start_date BETWEEN $start AND $end
  AND ($programme IS NULL OR s.programme = $programme)
  AND ($department IS NULL OR s.department_code = $department)
ORDER BY s.start_date, s.session_id
