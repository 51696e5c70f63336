-- The programme's start for the "programme à ce jour" period: its first session or action.
-- Parameters: $programme (VARCHAR, NULL = every programme of the workspace).
-- Experiments are left out: an idea may carry a start date years ahead or behind.
SELECT min(start_date) AS start
FROM (
    SELECT start_date, programme FROM sessions
    UNION ALL SELECT start_date, programme FROM actions
)
WHERE $programme IS NULL OR programme = $programme
