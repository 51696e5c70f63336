-- Every commune with its population and reference point, to place national synthetic records.
-- Parameters: none.
SELECT code, department_code, population, lon, lat
FROM communes
ORDER BY code
