-- The latest year holding each kind of programme content (NULL when there is none): each
-- content page opens on it. No parameters.
SELECT
    (SELECT max(year(date)) FROM meetings)                           AS meetings,
    (SELECT max(year(date)) FROM resources)                          AS resources,
    (SELECT max(year(coalesce(e.date, s.start_date)))
     FROM evaluations e LEFT JOIN sessions s USING (session_id))     AS evaluations,
    (SELECT max(year(coalesce(start_date, DATE '1900-01-01'))) FROM groups) AS groups
