-- Per-department indicators of the map page's choropleth, for one region or all of France.
-- Parameters: $region (region code such as '76', or NULL for every department).
-- Shares are fractions (0..1); QPV are counted from the qpv table, not from communes.qpv_count,
-- because a QPV that spans several communes would be counted once per commune.
SELECT
    d.code,
    d.name,
    d.region_code,
    sum(c.population)::BIGINT AS population,
    count(*) AS communes,
    count(*) FILTER (WHERE c.rural) AS rural_communes,
    count(*) FILTER (WHERE c.frr_class <> 'Non classée') AS frr_communes,
    (SELECT count(*) FROM qpv AS q WHERE q.department_code = d.code) AS qpv,
    count(*) FILTER (WHERE c.rural) / count(*) AS rural,
    count(*) FILTER (WHERE c.frr_class <> 'Non classée') / count(*) AS frr
FROM departments AS d
JOIN communes AS c ON c.department_code = d.code
WHERE $region IS NULL OR d.region_code = $region
GROUP BY d.code, d.name, d.region_code
ORDER BY d.code
