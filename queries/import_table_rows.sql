-- Every row of one workspace table, for the import's comparison with the file.
-- $table: the table name (actors, people, sessions, attendances, experiments, actions, targets).
SELECT * FROM query_table($table);
