-- Remove the groups rows an import is about to write again with updated values.
-- $ids: list of group_id values.
DELETE FROM groups WHERE group_id IN (SELECT unnest($ids));
