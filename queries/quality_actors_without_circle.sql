-- Data-quality panel: actors whose circle (1, 2 or 3) is unknown.
-- Parameters: $limit (INTEGER, most rows returned). Needs "ref" for commune names.
SELECT a.actor_id, a.name, a.structure_type, c.name AS commune, a.department_code
FROM actors a
LEFT JOIN ref.communes c ON c.code = a.commune_code
WHERE a.circle IS NULL
ORDER BY a.department_code, c.name, a.name, a.actor_id
LIMIT $limit
