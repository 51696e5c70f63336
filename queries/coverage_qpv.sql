-- The QPV of a territory with their polygons (WKB) and reference points.
-- $departments: list of department codes.
SELECT code, name, department_code, commune_codes, coalesce(population, 0) AS population,
       lon, lat, geometry
FROM ref.qpv
WHERE list_contains($departments, department_code)
ORDER BY code
