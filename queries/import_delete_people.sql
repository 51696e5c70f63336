-- Remove the people rows an import is about to write again with updated values.
-- $ids: list of person_id values.
DELETE FROM people WHERE person_id IN (SELECT unnest($ids));
