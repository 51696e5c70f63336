-- Department outlines (GeoJSON geometry text) of a workspace territory, for the planner map.
-- $departments: list of department codes.
SELECT code, name, shape
FROM ref.departments
WHERE list_contains($departments, code)
ORDER BY code
