-- QPV of some departments with their outline (GeoJSON text) and reference point, for the map's
-- QPV layer. Parameters: $departments (list of department codes). Runs on a workspace.
SELECT code, name, department_code, coalesce(population, 0) AS population, lon, lat, shape
FROM ref.qpv
WHERE list_contains($departments, department_code)
ORDER BY code
