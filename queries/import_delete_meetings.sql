-- Remove the meetings rows an import is about to write again with updated values.
-- $ids: list of meeting_id values.
DELETE FROM meetings WHERE meeting_id IN (SELECT unnest($ids));
