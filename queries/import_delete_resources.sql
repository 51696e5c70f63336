-- Remove the resources rows an import is about to write again with updated values.
-- $ids: list of resource_id values.
DELETE FROM resources WHERE resource_id IN (SELECT unnest($ids));
