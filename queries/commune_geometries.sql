-- Full-resolution commune outlines (stored WKB, not generalised) with name and population: what
-- a naive map would draw; used by the benchmark's baseline (benchmarks/run.py), not by the app.
-- Parameters: $department (department code, or NULL for every commune of France).
SELECT code, name, coalesce(population, 0) AS population, geometry
FROM communes
WHERE $department IS NULL OR department_code = $department
ORDER BY code
