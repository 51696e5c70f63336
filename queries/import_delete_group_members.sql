-- Remove the group_members rows an import is about to write again with updated values.
-- $ids: list of membership_id values.
DELETE FROM group_members WHERE membership_id IN (SELECT unnest($ids));
