-- Data-quality panel: actors placed at their commune's reference point (no address point).
-- Parameters: $limit (INTEGER, most rows returned). Needs "ref" for commune names.
SELECT a.actor_id, a.name, c.name AS commune, a.postal_code, a.department_code
FROM actors a
LEFT JOIN ref.communes c ON c.code = a.commune_code
WHERE a.approximate
ORDER BY a.department_code, c.name, a.name, a.actor_id
LIMIT $limit
