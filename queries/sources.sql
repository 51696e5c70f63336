-- The open-data sources of the reference database, for "Sources et millésimes".
-- Parameters: none.
SELECT dataset, edition, publisher, licence
FROM sources
ORDER BY dataset
