-- Remove the programme_items rows an import is about to write again with updated values.
-- $ids: list of item_id values.
DELETE FROM programme_items WHERE item_id IN (SELECT unnest($ids));
