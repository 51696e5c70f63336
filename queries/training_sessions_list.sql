-- Formations page: the 'formation' sessions starting in the period with their attendance.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only records placed in that department).
-- Needs "ref" for department names.
SELECT
    s.start_date,
    s.title,
    s.theme,
    s.format,
    s.days,
    d.name AS department_name,
    (SELECT count(*) FROM attendances a WHERE a.session_id = s.session_id) AS attendances
FROM sessions s
LEFT JOIN ref.departments d ON d.code = s.department_code
WHERE s.type = 'formation'
  AND s.start_date BETWEEN $start AND $end
  AND ($programme IS NULL OR s.programme = $programme)
  AND ($department IS NULL OR s.department_code = $department)
ORDER BY s.start_date, s.title
