-- Activity pages: the years with any session, action or experiment in the workspace, latest first.
-- Parameters: none.
SELECT DISTINCT year(start_date) AS year
FROM (
    SELECT start_date FROM sessions
    UNION ALL SELECT start_date FROM actions
    UNION ALL SELECT start_date FROM experiments
)
WHERE start_date IS NOT NULL
ORDER BY year DESC
