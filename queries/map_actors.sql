-- Actor points of the coverage map, with what popups show: name, type, circle and, only when
-- $contacts is true (coordination and admin), e-mail and phone. $contacts: BOOLEAN.
SELECT
    actor_id, name, structure_type, circle, commune_code, department_code, lon, lat,
    CASE WHEN $contacts THEN email END AS email,
    CASE WHEN $contacts THEN phone END AS phone
FROM actors
ORDER BY actor_id
