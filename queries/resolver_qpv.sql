-- QPV 2024 polygons (WKB, made valid) for point-in-QPV tests. Parameters: none.
SELECT code, geometry
FROM qpv
ORDER BY code
