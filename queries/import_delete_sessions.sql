-- Remove the sessions rows an import is about to write again with updated values.
-- $ids: list of session_id values.
DELETE FROM sessions WHERE session_id IN (SELECT unnest($ids));
