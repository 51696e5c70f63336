-- Formations page: the distinct people trained in the period by employer type (people.employer_type,
-- NULL when not given), the same set of people as kpi_trainings.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only sessions held in that department).
WITH trainings AS (
    SELECT session_id
    FROM sessions
    WHERE type = 'formation'
      AND start_date BETWEEN $start AND $end
      AND ($programme IS NULL OR programme = $programme)
      AND ($department IS NULL OR department_code = $department)
)
SELECT p.employer_type, count(DISTINCT p.person_id) AS people
FROM attendances a
JOIN trainings t USING (session_id)
JOIN people p USING (person_id)
GROUP BY ALL
ORDER BY people DESC, p.employer_type NULLS LAST
