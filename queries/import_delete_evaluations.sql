-- Remove the evaluations rows an import is about to write again with updated values.
-- $ids: list of evaluation_id values.
DELETE FROM evaluations WHERE evaluation_id IN (SELECT unnest($ids));
