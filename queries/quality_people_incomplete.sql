-- Data-quality panel: people whose gender or status is unknown (pseudonymous identifiers only).
-- Parameters: $limit (INTEGER, most rows returned).
SELECT person_id, gender, status, structure, department_code
FROM people
WHERE gender IS NULL OR status IS NULL
ORDER BY person_id
LIMIT $limit
