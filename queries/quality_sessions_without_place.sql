-- Data-quality panel: sessions without a commune, except those held remotely ('distanciel').
-- Parameters: $limit (INTEGER, most rows returned).
SELECT session_id, type, title, format, start_date, department_code
FROM sessions
WHERE commune_code IS NULL AND coalesce(format, '') <> 'distanciel'
ORDER BY start_date, session_id
LIMIT $limit
