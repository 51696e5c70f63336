-- Session ids already in the workspace (participations may reference them). No parameters.
SELECT session_id FROM sessions;
