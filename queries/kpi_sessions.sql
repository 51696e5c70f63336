-- KPI catalogue, all-sessions group: one row whose columns are KPI ids.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only records placed in that department).
-- Sessions of every type whose start_date falls in the period; a "new" participant is one
-- whose first session ever (within the programme and department when chosen) starts in the period.
WITH chosen AS (
    SELECT session_id, type, start_date
    FROM sessions
    WHERE ($programme IS NULL OR programme = $programme)
      AND ($department IS NULL OR department_code = $department)
),
in_period AS MATERIALIZED (
    SELECT * FROM chosen WHERE start_date BETWEEN $start AND $end
),
attending AS MATERIALIZED (
    SELECT a.person_id, s.type
    FROM attendances a
    JOIN in_period s USING (session_id)
),
seen_before AS (
    SELECT DISTINCT a.person_id
    FROM attendances a
    JOIN chosen s USING (session_id)
    WHERE s.start_date < $start
      AND a.person_id IN (SELECT person_id FROM attending)
)
-- One aggregate per CTE, cross-joined (each gives one row): nine scalar subqueries cost DuckDB's
-- join-order optimizer 25 ms per run, four times the query itself on a regional workspace.
SELECT
    s.sessions_total,
    a.sessions_participants,
    n.sessions_participants_new,
    s.regroupement_sessions,
    a.regroupement_participants,
    s.atelier_sessions,
    a.atelier_participants,
    s.sensibilisation_sessions,
    a.sensibilisation_participants
FROM (
    SELECT
        count(*)                                        AS sessions_total,
        count(*) FILTER (WHERE type = 'regroupement')   AS regroupement_sessions,
        count(*) FILTER (WHERE type = 'atelier')        AS atelier_sessions,
        count(*) FILTER (WHERE type = 'sensibilisation') AS sensibilisation_sessions
    FROM in_period
) s,
(
    -- Each (person, type) once: a type's rows are then its distinct participants.
    SELECT
        count(DISTINCT person_id)                       AS sessions_participants,
        count(*) FILTER (WHERE type = 'regroupement')   AS regroupement_participants,
        count(*) FILTER (WHERE type = 'atelier')        AS atelier_participants,
        count(*) FILTER (WHERE type = 'sensibilisation') AS sensibilisation_participants
    FROM (SELECT DISTINCT person_id, type FROM attending)
) a,
(
    SELECT count(DISTINCT person_id) AS sessions_participants_new
    FROM attending
    WHERE person_id NOT IN (SELECT person_id FROM seen_before)
) n
