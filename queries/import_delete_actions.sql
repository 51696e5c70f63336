-- Remove the actions rows an import is about to write again with updated values.
-- $ids: list of action_id values.
DELETE FROM actions WHERE action_id IN (SELECT unnest($ids));
