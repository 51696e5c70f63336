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
-- One aggregate per CTE, cross-joined (each gives one row): nine scalar subqueries cost DuckDB's
-- join-order optimizer 25 ms per run, four times the query itself on a regional workspace.
SELECT t.*, a.*, p.*
FROM (
    SELECT count(*) AS training_sessions, coalesce(sum(days), 0) AS training_days
    FROM trainings
) t,
(SELECT count(*) AS training_attendances FROM attending) a,
(
    SELECT
        count(*)                                        AS training_participants,
        count(*) FILTER (WHERE gender = 'F')            AS training_participants_women,
        count(*) FILTER (WHERE gender = 'H')            AS training_participants_men,
        count(*) FILTER (WHERE status = 'benevole')     AS training_participants_volunteers,
        count(*) FILTER (WHERE status = 'salarie')      AS training_participants_employees,
        count(DISTINCT structure_key)                   AS training_structures
    FROM participants
) p
