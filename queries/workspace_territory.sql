-- The workspace territory, the one list of departments KPIs, coverage, maps and tables use:
-- the codes declared in workspace_info under 'departments' (a JSON list); when none are
-- declared (key absent, list empty or not valid JSON), the departments where the workspace has
-- an actor, a session, an action or an experiment. No parameters.
WITH declared AS (
    SELECT DISTINCT unnest(from_json(value, '["VARCHAR"]')) AS code
    FROM workspace_info
    WHERE key = 'departments'
      AND CASE WHEN json_valid(value) THEN json_type(value) = 'ARRAY' ELSE false END
),
recorded AS (
    SELECT department_code AS code FROM actors
    UNION SELECT department_code FROM sessions
    UNION SELECT department_code FROM actions
    UNION SELECT department_code FROM experiments
)
SELECT code FROM declared WHERE code IS NOT NULL
UNION
SELECT code FROM recorded
WHERE code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM declared WHERE code IS NOT NULL)
ORDER BY code
