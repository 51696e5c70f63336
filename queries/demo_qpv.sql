-- QPV of a set of departments with a point inside each, for placing demo actors in QPV.
-- Parameters: $departments (list of department codes).
SELECT code, commune_codes, lon, lat
FROM qpv
WHERE list_contains($departments, department_code)
ORDER BY code
