-- The workspace's declared territory: the JSON list of department codes stored in
-- workspace_info under the key 'departments' (NULL when absent). No parameters.
SELECT value FROM workspace_info WHERE key = 'departments'
