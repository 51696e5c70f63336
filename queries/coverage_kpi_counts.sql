-- The coverage KPIs' counts, aggregated in DuckDB (no pandas, no KD-tree on the kpis CLI path):
-- territory communes holding an activity of the period, population within $chord of an actor
-- listed by $end, activities in rural communes. Activities are those of period_activities (run
-- queries/period_activities.sql on the same cursor first); distances are unit-sphere chords, the
-- same measure as observatoire.coverage.distances (chord <= $chord <=> great-circle km <= radius).
-- A commune within $chord of an actor of its own is covered at once; the others are joined to
-- the 27 grid cells (side $chord) around their own.
-- Parameters: $departments (list of department codes: the territory), $end (DATE: actors listed
-- by then count), $chord (DOUBLE, the radius as a unit-sphere chord).
WITH territory AS (
    SELECT code, coalesce(population, 0) AS population, rural, lon, lat
    FROM ref.communes
    WHERE list_contains($departments, department_code)
),
actor_points AS (
    SELECT
        commune_code,
        cos(radians(lat)) * cos(radians(lon)) AS x,
        cos(radians(lat)) * sin(radians(lon)) AS y,
        sin(radians(lat)) AS z
    FROM actors
    WHERE lon IS NOT NULL AND lat IS NOT NULL
      AND (listed_on IS NULL OR listed_on <= CAST($end AS DATE))
),
actor_cells AS (
    SELECT DISTINCT x, y, z,
           floor(x / $chord)::BIGINT AS i, floor(y / $chord)::BIGINT AS j,
           floor(z / $chord)::BIGINT AS k
    FROM actor_points
),
commune_points AS (
    SELECT code,
        cos(radians(lat)) * cos(radians(lon)) AS x,
        cos(radians(lat)) * sin(radians(lon)) AS y,
        sin(radians(lat)) AS z
    FROM territory
    WHERE lon IS NOT NULL AND lat IS NOT NULL
),
near_own_actor AS (
    -- Most communes holding an actor are covered by it: one join on the commune code settles
    -- them, and only the others need the grid search below.
    SELECT DISTINCT c.code
    FROM commune_points c
    JOIN actor_points a ON a.commune_code = c.code
    WHERE (c.x - a.x) * (c.x - a.x) + (c.y - a.y) * (c.y - a.y) + (c.z - a.z) * (c.z - a.z)
          <= $chord * $chord
),
commune_cells AS (
    SELECT code, x, y, z,
           floor(x / $chord)::BIGINT + di AS i, floor(y / $chord)::BIGINT + dj AS j,
           floor(z / $chord)::BIGINT + dk AS k
    FROM (SELECT * FROM commune_points p ANTI JOIN near_own_actor o ON o.code = p.code),
         range(-1, 2) AS a(di), range(-1, 2) AS b(dj), range(-1, 2) AS c(dk)
),
covered AS (
    SELECT code FROM near_own_actor
    UNION
    -- A semi join stops at the first actor found: five times faster than DISTINCT over pairs.
    SELECT DISTINCT c.code
    FROM commune_cells c
    SEMI JOIN actor_cells a
      ON a.i = c.i AND a.j = c.j AND a.k = c.k
     AND (c.x - a.x) * (c.x - a.x) + (c.y - a.y) * (c.y - a.y) + (c.z - a.z) * (c.z - a.z)
         <= $chord * $chord
),
reached AS (
    SELECT DISTINCT commune_code AS code FROM period_activities
)
SELECT
    (SELECT count(*) FROM territory t SEMI JOIN reached r ON r.code = t.code)
        AS communes_reached,
    (SELECT count(*) FROM territory t SEMI JOIN reached r ON r.code = t.code WHERE t.rural)
        AS rural_communes_reached,
    (SELECT coalesce(sum(population), 0) FROM territory) AS population,
    (SELECT coalesce(sum(population), 0) FROM territory WHERE rural) AS rural_population,
    (SELECT coalesce(sum(t.population), 0) FROM territory t SEMI JOIN covered c ON c.code = t.code)
        AS covered_population,
    (SELECT count(*) FROM period_activities e JOIN territory t ON t.code = e.commune_code)
        AS territory_activities,
    (SELECT count(*) FROM period_activities e JOIN territory t ON t.code = e.commune_code
     WHERE t.rural) AS rural_activities
