-- Remove the surveys rows an import is about to write again with updated values.
-- $ids: list of survey_id values.
DELETE FROM surveys WHERE survey_id IN (SELECT unnest($ids));
