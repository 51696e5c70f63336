-- Number of rows of one workspace table (checks the new version of a workspace before the swap).
-- $table: the table name.
SELECT count(*) FROM query_table($table);
