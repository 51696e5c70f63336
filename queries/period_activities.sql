-- The activities of a period, the one definition every coverage query selects from: kept as the
-- temporary table period_activities of the cursor that runs this file (read-only workspaces
-- allow temporary tables). An activity is an action, an in-person session (format not
-- 'distanciel'; an unknown format counts as in person) or an experiment, dated by its start_date
-- within [$start, $end] (both days included), placed at its own coordinates, else at its
-- commune's reference point; an activity with neither is left out. audience: the action's
-- participants, the session's attendances, 0 for an experiment.
-- Parameters: $start, $end (DATE), $programme (programme name, or NULL for every programme).
CREATE OR REPLACE TEMP TABLE period_activities AS
WITH attendance AS (
    SELECT session_id, count(*) AS audience FROM attendances GROUP BY session_id
),
raw AS (
    SELECT 'action' AS kind, action_id AS activity_id, start_date, commune_code, lon, lat,
           programme, coalesce(participants, 0) AS audience
    FROM actions
    UNION ALL
    SELECT 'session', s.session_id, s.start_date, s.commune_code, s.lon, s.lat, s.programme,
           coalesce(a.audience, 0)
    FROM sessions s
    LEFT JOIN attendance a ON a.session_id = s.session_id
    WHERE s.format IS DISTINCT FROM 'distanciel'
    UNION ALL
    SELECT 'experiment', experiment_id, start_date, commune_code, lon, lat, programme, 0
    FROM experiments
)
SELECT r.kind, r.activity_id, r.start_date, r.commune_code,
       coalesce(r.lon, c.lon) AS lon, coalesce(r.lat, c.lat) AS lat,
       CAST(r.audience AS BIGINT) AS audience
FROM raw r
LEFT JOIN ref.communes c ON c.code = r.commune_code
WHERE r.start_date BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
  AND ($programme IS NULL OR r.programme = $programme)
  AND coalesce(r.lon, c.lon) IS NOT NULL
  AND coalesce(r.lat, c.lat) IS NOT NULL
