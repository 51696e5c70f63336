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
SELECT
    (SELECT count(*) FROM in_period)                                           AS sessions_total,
    (SELECT count(DISTINCT person_id) FROM attending)                          AS sessions_participants,
    (SELECT count(DISTINCT person_id) FROM attending
     WHERE person_id NOT IN (SELECT person_id FROM seen_before))               AS sessions_participants_new,
    (SELECT count(*) FROM in_period WHERE type = 'regroupement')               AS regroupement_sessions,
    (SELECT count(DISTINCT person_id) FROM attending WHERE type = 'regroupement') AS regroupement_participants,
    (SELECT count(*) FROM in_period WHERE type = 'atelier')                    AS atelier_sessions,
    (SELECT count(DISTINCT person_id) FROM attending WHERE type = 'atelier')   AS atelier_participants,
    (SELECT count(*) FROM in_period WHERE type = 'sensibilisation')            AS sensibilisation_sessions,
    (SELECT count(DISTINCT person_id) FROM attending WHERE type = 'sensibilisation') AS sensibilisation_participants
