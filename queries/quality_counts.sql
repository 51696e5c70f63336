-- Data-quality panel (page donnees): how many records each check flags.
-- Parameters: none. A session held remotely ('distanciel') needs no place, so it is not flagged.
SELECT
    (SELECT count(*) FROM actors WHERE approximate) AS actors_approximate,
    (SELECT count(*) FROM actors WHERE circle IS NULL) AS actors_without_circle,
    (SELECT count(*) FROM people WHERE gender IS NULL OR status IS NULL) AS people_incomplete,
    (SELECT count(*) FROM sessions
     WHERE commune_code IS NULL AND coalesce(format, '') <> 'distanciel') AS sessions_without_place
