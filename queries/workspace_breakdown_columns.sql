-- The breakdown columns present in the workspace file (people.employer_type, people.origin,
-- sessions.strand): a read-only file made before them cannot gain them. No parameters.
SELECT table_name || '.' || column_name AS name
FROM information_schema.columns
WHERE table_catalog = current_database()
  AND table_schema = 'main'
  AND ((table_name = 'people' AND column_name IN ('employer_type', 'origin'))
       OR (table_name = 'sessions' AND column_name = 'strand'))
