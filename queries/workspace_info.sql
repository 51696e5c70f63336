-- The workspace's metadata (name, departments, programmes, demo, created_at) as key/value rows.
-- No parameters.
SELECT key, value FROM workspace_info ORDER BY key;
