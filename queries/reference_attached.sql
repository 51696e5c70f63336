-- Whether this connection's database instance has the reference attached as "ref" already.
-- Parameters: none.
SELECT count(*) > 0 FROM duckdb_databases() WHERE database_name = 'ref'
