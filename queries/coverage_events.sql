-- Actions and in-person sessions of the 12 months ending on $end_date (inclusive), each with a
-- point: its own coordinates, else its commune's reference point. Remote (distanciel) sessions
-- reach no place and are left out. $end_date: DATE; $programme: programme name or NULL for all.
WITH events AS (
    SELECT 'action' AS kind, action_id AS event_id, start_date, commune_code, lon, lat,
           programme
    FROM actions
    UNION ALL
    SELECT 'session', session_id, start_date, commune_code, lon, lat, programme
    FROM sessions
    WHERE format IS DISTINCT FROM 'distanciel'
)
SELECT e.kind, e.event_id, e.start_date, e.commune_code,
       coalesce(e.lon, c.lon) AS lon, coalesce(e.lat, c.lat) AS lat
FROM events e
LEFT JOIN ref.communes c ON c.code = e.commune_code
WHERE e.start_date > CAST($end_date AS DATE) - INTERVAL 12 MONTH
  AND e.start_date <= CAST($end_date AS DATE)
  AND ($programme IS NULL OR e.programme = $programme)
  AND coalesce(e.lon, c.lon) IS NOT NULL
ORDER BY e.kind, e.event_id
