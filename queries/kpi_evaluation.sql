-- KPI catalogue, evaluation group: questionnaire answers and interviews dated in the period.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- An answer is dated by its own date, else by its session's start. A respondent progresses when
-- the mean of their scores after exceeds the mean before (answers with both scores only).
-- $department (VARCHAR, NULL = every department: else answers of people of that department).
WITH dated AS (
    SELECT e.*, coalesce(e.date, s.start_date) AS day
    FROM evaluations e
    LEFT JOIN sessions s USING (session_id)
    WHERE ($programme IS NULL OR e.programme = $programme OR s.programme = $programme)
      AND ($department IS NULL OR e.person_id IN
           (SELECT person_id FROM people WHERE department_code = $department))
),
answers AS (
    SELECT * FROM dated WHERE type = 'questionnaire' AND day BETWEEN $start AND $end
),
per_person AS (
    SELECT person_id, avg(score_after) > avg(score_before) AS progressing
    FROM answers
    WHERE score_before IS NOT NULL AND score_after IS NOT NULL
    GROUP BY person_id
)
SELECT
    (SELECT count(DISTINCT person_id) FROM answers)                        AS evaluation_responses,
    (SELECT count(*) FROM dated WHERE type = 'entretien' AND day BETWEEN $start AND $end)
                                                                           AS evaluation_interviews,
    (SELECT avg(progressing::INTEGER) FROM per_person)       AS evaluation_people_progressing_share
