-- Department filter: the workspace territory and every department holding a record, with names.
-- Parameters: $territory (VARCHAR[], see workspace_territory.sql). Needs "ref" for the names;
-- codes sort as text (2A, 2B after 19).
WITH codes AS (
    SELECT unnest($territory::VARCHAR[]) AS code
    UNION SELECT department_code FROM actors
    UNION SELECT department_code FROM sessions
    UNION SELECT department_code FROM actions
    UNION SELECT department_code FROM experiments
)
SELECT c.code, d.name
FROM codes c
JOIN ref.departments d ON d.code = c.code
ORDER BY c.code
