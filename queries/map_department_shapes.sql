-- Department outlines (GeoJSON geometry text, 5 decimals) of a workspace territory, for the
-- coverage map and the planner map.
-- Parameters: $departments (list of department codes). Runs on a workspace (reference as ref).
SELECT code, name, shape
FROM ref.departments
WHERE list_contains($departments, code)
ORDER BY code
