-- The end of the "last 12 months": the last day of the latest month holding an action or a
-- session start (NULL for a workspace without any). No parameters. Whole months, so that the
-- map, the forum and the monthly review (whose default is that month) count the same 12 months.
SELECT last_day(max(d)) FROM (
    SELECT max(start_date) AS d FROM actions
    UNION ALL
    SELECT max(start_date) FROM sessions
)
