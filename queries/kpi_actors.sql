-- KPI catalogue, actors group: one row whose columns are KPI ids.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only records placed in that department).
-- An actor is "listed by the end of the period" when listed_on <= $end or listed_on is unknown
-- (most inventories carry no date); actors_new needs a listed_on inside the period.
WITH listed AS (
    SELECT *
    FROM actors
    WHERE (listed_on IS NULL OR listed_on <= $end)
      AND ($programme IS NULL OR programme = $programme)
      AND ($department IS NULL OR department_code = $department)
)
SELECT
    count(*)                                                       AS actors_total,
    count(*) FILTER (WHERE listed_on BETWEEN $start AND $end)      AS actors_new,
    count(*) FILTER (WHERE circle = 1)                             AS actors_circle_1,
    count(*) FILTER (WHERE circle = 2)                             AS actors_circle_2,
    count(*) FILTER (WHERE circle = 3)                             AS actors_circle_3,
    count(DISTINCT department_code)                                AS departments_with_actor
FROM listed
