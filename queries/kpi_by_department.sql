-- The committee's per-department table: main KPIs of a period for each department.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme),
-- $departments (VARCHAR[]: the workspace territory, listed even when they have no activity).
-- Actors are those listed by the end (as kpi_actors), sessions are 'formation' sessions
-- held in the department (as kpi_trainings), participants are the distinct people trained in
-- the period counted in their own department, actions and audience by where they took place.
-- Rows with an unknown department come out with a NULL code. Needs "ref" for the names.
WITH actor_counts AS (
    SELECT department_code, count(*) AS actors
    FROM actors
    WHERE (listed_on IS NULL OR listed_on <= $end)
      AND ($programme IS NULL OR programme = $programme)
    GROUP BY ALL
),
trainings AS (
    SELECT session_id, department_code
    FROM sessions
    WHERE type = 'formation'
      AND start_date BETWEEN $start AND $end
      AND ($programme IS NULL OR programme = $programme)
),
session_counts AS (
    SELECT department_code, count(*) AS training_sessions
    FROM trainings
    GROUP BY ALL
),
participant_counts AS (
    SELECT p.department_code, count(DISTINCT p.person_id) AS training_participants
    FROM attendances a
    JOIN trainings t USING (session_id)
    JOIN people p ON p.person_id = a.person_id
    GROUP BY ALL
),
action_counts AS (
    SELECT department_code, count(*) AS actions, coalesce(sum(participants), 0)::BIGINT AS actions_audience
    FROM actions
    WHERE start_date BETWEEN $start AND $end
      AND ($programme IS NULL OR programme = $programme)
    GROUP BY ALL
),
codes AS (
    SELECT unnest($departments::VARCHAR[]) AS department_code
    UNION SELECT department_code FROM actor_counts
    UNION SELECT department_code FROM session_counts
    UNION SELECT department_code FROM participant_counts
    UNION SELECT department_code FROM action_counts
)
SELECT
    c.department_code,
    d.name                                   AS department_name,
    coalesce(ac.actors, 0)                   AS actors,
    coalesce(sc.training_sessions, 0)        AS training_sessions,
    coalesce(pc.training_participants, 0)    AS training_participants,
    coalesce(xc.actions, 0)                  AS actions,
    coalesce(xc.actions_audience, 0)         AS actions_audience
FROM codes c
LEFT JOIN ref.departments d ON d.code = c.department_code
LEFT JOIN actor_counts ac ON ac.department_code IS NOT DISTINCT FROM c.department_code
LEFT JOIN session_counts sc ON sc.department_code IS NOT DISTINCT FROM c.department_code
LEFT JOIN participant_counts pc ON pc.department_code IS NOT DISTINCT FROM c.department_code
LEFT JOIN action_counts xc ON xc.department_code IS NOT DISTINCT FROM c.department_code
ORDER BY c.department_code NULLS LAST
