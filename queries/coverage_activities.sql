-- The activities of the period held in period_activities (run queries/period_activities.sql on
-- the same cursor first), in a stable order. No parameters.
SELECT kind, activity_id, start_date, commune_code, lon, lat, audience
FROM period_activities
ORDER BY kind, activity_id
