-- Communes of a set of departments, for placing synthetic demo records.
-- Parameters: $departments (list of department codes).
SELECT code, name, department_code, population, rural, qpv_count
FROM communes
WHERE list_contains($departments, department_code)
ORDER BY code
