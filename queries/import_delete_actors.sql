-- Remove the actors rows an import is about to write again with updated values.
-- $ids: list of actor_id values.
DELETE FROM actors WHERE actor_id IN (SELECT unnest($ids));
