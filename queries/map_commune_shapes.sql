-- Commune outlines (GeoJSON geometry text, 5 decimals) of one department, for the map of its
-- communes. Parameters: $department (department code). Runs on a workspace (reference as ref).
SELECT code, shape
FROM ref.communes
WHERE department_code = $department
ORDER BY code
