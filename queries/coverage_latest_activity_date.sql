-- The end of the default period: the last day of the month of the latest activity held in
-- period_activities (run queries/period_activities.sql over all dates on the same cursor
-- first); NULL for a workspace without any activity. No parameters. Whole months, so that the
-- map, the forum and the monthly review (whose default is that month) count the same 12 months.
SELECT last_day(max(start_date)) FROM period_activities
