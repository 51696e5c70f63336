-- KPI catalogue, trainings group: one row whose columns are KPI ids.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only records placed in that department).
-- Trainings are sessions of type 'formation' whose start_date falls in the period.
-- A participant's structure is the linked actor when known, else the structure text folded
-- (case, accents, runs of spaces) like observatoire.normalize.name_key; people with neither
-- are not counted as a structure.
WITH trainings AS MATERIALIZED (
    SELECT session_id, days
    FROM sessions
    WHERE type = 'formation'
      AND start_date BETWEEN $start AND $end
      AND ($programme IS NULL OR programme = $programme)
      AND ($department IS NULL OR department_code = $department)
),
attending AS (
    SELECT a.person_id
    FROM attendances a
    JOIN trainings t USING (session_id)
),
participants AS MATERIALIZED (
    SELECT
        p.person_id,
        p.gender,
        p.status,
        CASE
            WHEN p.actor_id IS NOT NULL THEN 'acteur:' || p.actor_id
            WHEN nullif(trim(p.structure), '') IS NOT NULL THEN
                'texte:' || lower(strip_accents(regexp_replace(trim(p.structure), '\s+', ' ', 'g')))
        END AS structure_key
    FROM (SELECT DISTINCT person_id FROM attending) d
    JOIN people p USING (person_id)
)
SELECT
    (SELECT count(*) FROM trainings)                                AS training_sessions,
    (SELECT coalesce(sum(days), 0) FROM trainings)                  AS training_days,
    (SELECT count(*) FROM attending)                                AS training_attendances,
    (SELECT count(*) FROM participants)                             AS training_participants,
    (SELECT count(*) FROM participants WHERE gender = 'F')          AS training_participants_women,
    (SELECT count(*) FROM participants WHERE gender = 'H')          AS training_participants_men,
    (SELECT count(*) FROM participants WHERE status = 'benevole')   AS training_participants_volunteers,
    (SELECT count(*) FROM participants WHERE status = 'salarie')    AS training_participants_employees,
    (SELECT count(DISTINCT structure_key) FROM participants)        AS training_structures
