-- Activity pages: the latest month holding a session or an action start, as YYYY-MM (NULL if none).
-- Parameters: $today (DATE: records dated in the future, such as planned sessions, are ignored).
SELECT strftime(max(start_date), '%Y-%m') AS month
FROM (
    SELECT start_date FROM sessions
    UNION ALL SELECT start_date FROM actions
)
WHERE start_date <= $today
