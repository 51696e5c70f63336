-- Columns of the review tables present in the workspace file, so that reads cope with files
-- made before these tables (or their newer columns) existed: a read-only connection cannot
-- create them. No parameters. Returns table_name, column_name.
SELECT table_name, column_name
FROM information_schema.columns
WHERE table_catalog = current_database()
  AND table_schema = 'main'
  AND table_name IN ('monthly_notes', 'kpi_snapshots')
ORDER BY table_name, ordinal_position
