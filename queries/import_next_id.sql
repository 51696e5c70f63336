-- The id the next import will get. No parameters.
SELECT coalesce(max(import_id), 0) + 1 FROM imports;
