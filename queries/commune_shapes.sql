-- Commune outlines (GeoJSON geometry text, 5 decimals) of one department, for maps.
-- Parameters: $department (department code such as '31' or '2A').
SELECT code, name, shape
FROM communes
WHERE department_code = $department
ORDER BY code
