-- The reference communes of a territory with what coverage needs (reference point, population,
-- rurality, QPV count). $departments: list of department codes.
SELECT
    code, name, department_code, epci_code, coalesce(population, 0) AS population,
    density_level, rural, frr_class, qpv_count, lon, lat
FROM ref.communes
WHERE list_contains($departments, department_code)
ORDER BY code
