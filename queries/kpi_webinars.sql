-- KPI catalogue, webinars group: one row whose columns are KPI ids.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only records placed in that department).
-- Webinars are sessions of type 'webinaire' whose start_date falls in the period.
WITH attending AS MATERIALIZED (
    SELECT a.person_id
    FROM sessions s
    JOIN attendances a USING (session_id)
    WHERE s.type = 'webinaire'
      AND s.start_date BETWEEN $start AND $end
      AND ($programme IS NULL OR s.programme = $programme)
      AND ($department IS NULL OR s.department_code = $department)
)
SELECT
    (SELECT count(*) FROM sessions
     WHERE type = 'webinaire'
       AND start_date BETWEEN $start AND $end
       AND ($programme IS NULL OR programme = $programme)
       AND ($department IS NULL OR department_code = $department)) AS webinar_sessions,
    (SELECT count(*) FROM attending)                          AS webinar_attendances,
    (SELECT count(DISTINCT person_id) FROM attending)         AS webinar_participants
