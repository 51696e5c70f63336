-- Column names and types of one workspace table, in table order (the import stages rows in it).
-- $table: the table name.
SELECT column_name, data_type
FROM information_schema.columns
WHERE table_name = $table AND table_catalog = current_database() AND table_schema = 'main'
ORDER BY ordinal_position;
