-- Set one workspace metadata value (name, departments, programmes, demo).
-- Parameters: $key, $value.
INSERT OR REPLACE INTO workspace_info (key, value) VALUES ($key, $value)
