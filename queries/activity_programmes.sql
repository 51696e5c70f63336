-- Activity pages: the programmes named by any actor, session, action or experiment, sorted.
-- Parameters: none.
SELECT DISTINCT programme
FROM (
    SELECT programme FROM actors
    UNION ALL SELECT programme FROM sessions
    UNION ALL SELECT programme FROM actions
    UNION ALL SELECT programme FROM experiments
)
WHERE nullif(trim(programme), '') IS NOT NULL
ORDER BY programme
