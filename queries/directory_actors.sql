-- The actor directory: actors matching the search text and filters, with their commune and
-- department names, name order, one page at a time; `total` counts every match (before paging).
-- $needle: folded name fragment (observatoire.normalize.name_key) or NULL; $structure_type,
-- $category, $department: exact values or NULL; $circle: 1-3, 0 for "no circle", or NULL;
-- $commune: INSEE code or NULL; $commune_key: folded commune name (place_key) or NULL;
-- $qpv, $rural: TRUE/FALSE or NULL; $lon_min, $lon_max, $lat_min, $lat_max: a bounding box or
-- NULLs; $limit (NULL = all) and $offset.
SELECT
    a.actor_id, a.name, a.structure_type, a.circle, a.category,
    a.commune_code, c.name AS commune_name, a.department_code, d.name AS department_name,
    a.qpv_code, q.name AS qpv_name, coalesce(c.rural, FALSE) AS rural,
    a.address, a.postal_code, a.email, a.phone, a.website, a.approximate, a.lon, a.lat,
    count(*) OVER () AS total
FROM actors AS a
LEFT JOIN ref.communes AS c ON c.code = a.commune_code
LEFT JOIN ref.departments AS d ON d.code = a.department_code
LEFT JOIN ref.qpv AS q ON q.code = a.qpv_code
WHERE ($needle IS NULL OR contains(a.name_key, $needle))
  AND ($structure_type IS NULL OR a.structure_type = $structure_type)
  AND ($category IS NULL OR a.category = $category)
  AND ($department IS NULL OR a.department_code = $department)
  AND ($circle IS NULL OR coalesce(a.circle, 0) = $circle)
  AND ($commune IS NULL OR a.commune_code = $commune)
  AND ($commune_key IS NULL OR c.name_key = $commune_key)
  AND ($qpv IS NULL OR (a.qpv_code IS NOT NULL) = $qpv)
  AND ($rural IS NULL OR coalesce(c.rural, FALSE) = $rural)
  AND ($lon_min IS NULL OR a.lon BETWEEN $lon_min AND $lon_max)
  AND ($lat_min IS NULL OR a.lat BETWEEN $lat_min AND $lat_max)
ORDER BY a.name_key, a.actor_id
LIMIT $limit OFFSET $offset
