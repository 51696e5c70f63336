-- Remove the experiments rows an import is about to write again with updated values.
-- $ids: list of experiment_id values.
DELETE FROM experiments WHERE experiment_id IN (SELECT unnest($ids));
