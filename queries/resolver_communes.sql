-- Every commune with its name key and reference point, for the in-memory place resolver.
-- Parameters: none.
SELECT code, name, department_code, lon, lat, name_key
FROM communes
ORDER BY code
