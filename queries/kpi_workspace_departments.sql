-- The workspace territory: the JSON list of department codes kept in workspace_info.
-- Parameters: none.
SELECT value FROM workspace_info WHERE key = 'departments'
