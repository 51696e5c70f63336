-- Department filter: the workspace territory and every department holding a record, with names.
-- Parameters: none. Needs "ref" for the names; codes sort as text (2A, 2B after 19).
WITH codes AS (
    SELECT unnest(from_json(value, '["VARCHAR"]')) AS code
    FROM workspace_info
    WHERE key = 'departments' AND json_valid(value)
    UNION SELECT department_code FROM actors
    UNION SELECT department_code FROM sessions
    UNION SELECT department_code FROM actions
    UNION SELECT department_code FROM experiments
)
SELECT c.code, d.name
FROM codes c
JOIN ref.departments d ON d.code = c.code
ORDER BY c.code
