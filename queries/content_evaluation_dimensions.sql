-- Before/after progression per dimension of the questionnaires answered in the period
-- (dated as kpi_evaluation): respondents, mean scores, people whose score rose. Aggregates only.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme),
-- $department (VARCHAR, NULL = every department: else answers of people of that department).
WITH answers AS (
    SELECT e.*
    FROM evaluations e
    LEFT JOIN sessions s USING (session_id)
    WHERE e.type = 'questionnaire'
      AND coalesce(e.date, s.start_date) BETWEEN $start AND $end
      AND ($programme IS NULL OR e.programme = $programme OR s.programme = $programme)
      AND ($department IS NULL OR e.person_id IN
           (SELECT person_id FROM people WHERE department_code = $department))
      AND e.score_before IS NOT NULL AND e.score_after IS NOT NULL
)
SELECT
    coalesce(dimension, '') AS dimension,
    count(DISTINCT person_id)                            AS respondents,
    avg(score_before)                                    AS mean_before,
    avg(score_after)                                     AS mean_after,
    count(DISTINCT person_id) FILTER (WHERE score_after > score_before) AS progressing
FROM answers
GROUP BY ALL
ORDER BY dimension
