-- Bytes of GeoJSON geometry of each department's commune layer, heaviest first.
-- Parameters: none.
SELECT
    c.department_code AS code,
    d.name,
    count(*) AS features,
    sum(length(c.shape))::BIGINT AS geometry_bytes
FROM communes AS c
JOIN departments AS d ON d.code = c.department_code
GROUP BY c.department_code, d.name
ORDER BY geometry_bytes DESC
