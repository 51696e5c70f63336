-- Department outlines (GeoJSON geometry text, 5 decimals) for the map, one region or France.
-- Parameters: $region (region code such as '76', or NULL for every department).
SELECT code, name, shape
FROM departments
WHERE $region IS NULL OR region_code = $region
ORDER BY code
