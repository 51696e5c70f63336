-- The latest start date among the activities held in period_activities (run
-- queries/period_activities.sql over all dates on the same cursor first): the end of the default
-- period, NULL for a workspace without any activity. No parameters.
SELECT max(start_date) FROM period_activities
