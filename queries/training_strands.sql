-- Formations page: the trainings of the period by strand (sessions.strand, the "volet"; NULL
-- when not given): sessions, days and distinct participants of each strand. A person trained in
-- two strands counts in both, so the participants of the strands may add up to more than the
-- distinct participants of the period. Strands come in the order of their first session.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only sessions held in that department).
WITH trainings AS (
    SELECT session_id, strand, days, start_date
    FROM sessions
    WHERE type = 'formation'
      AND start_date BETWEEN $start AND $end
      AND ($programme IS NULL OR programme = $programme)
      AND ($department IS NULL OR department_code = $department)
),
per_strand AS (
    SELECT strand, count(*) AS sessions, coalesce(sum(days), 0) AS days, min(start_date) AS first
    FROM trainings
    GROUP BY ALL
),
per_strand_people AS (
    SELECT t.strand, count(DISTINCT a.person_id) AS people
    FROM trainings t
    JOIN attendances a USING (session_id)
    GROUP BY ALL
)
SELECT s.strand, s.sessions, s.days, coalesce(p.people, 0) AS people
FROM per_strand s
LEFT JOIN per_strand_people p ON p.strand IS NOT DISTINCT FROM s.strand
ORDER BY s.strand IS NULL, s.first, s.strand
