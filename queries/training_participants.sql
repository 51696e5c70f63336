-- Formations page: the distinct people who attended a 'formation' session starting in the
-- period, with their attributes and number of attendances (the same set as kpi_trainings).
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only records placed in that department).
-- Needs "ref" for department names; the structure is the linked actor's name when known.
WITH trainings AS (
    SELECT session_id
    FROM sessions
    WHERE type = 'formation'
      AND start_date BETWEEN $start AND $end
      AND ($programme IS NULL OR programme = $programme)
      AND ($department IS NULL OR department_code = $department)
),
attending AS (
    SELECT a.person_id, count(*) AS attendances
    FROM attendances a
    JOIN trainings t USING (session_id)
    GROUP BY ALL
)
SELECT
    p.person_id,
    p.gender,
    p.status,
    p.category,
    p.department_code,
    d.name AS department_name,
    coalesce(ac.name, nullif(trim(p.structure), '')) AS structure,
    att.attendances
FROM attending att
JOIN people p USING (person_id)
LEFT JOIN actors ac ON ac.actor_id = p.actor_id
LEFT JOIN ref.departments d ON d.code = p.department_code
ORDER BY p.person_id
