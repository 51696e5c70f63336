-- The latest start date of an action or a session: the default reference date of the
-- "last 12 months" (NULL for a workspace without any). No parameters.
SELECT max(d) FROM (
    SELECT max(start_date) AS d FROM actions
    UNION ALL
    SELECT max(start_date) FROM sessions
)
