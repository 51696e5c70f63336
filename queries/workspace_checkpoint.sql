-- Flush the write-ahead log into the database file before it is verified and swapped in.
-- No parameters.
CHECKPOINT;
