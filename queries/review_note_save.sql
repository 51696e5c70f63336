-- Write (insert or replace) the "faits marquants" note of one month and programme.
-- Parameters: $month (VARCHAR, YYYY-MM), $programme (VARCHAR, '' = every programme),
-- $text (VARCHAR), $updated_at (TIMESTAMP), $author (VARCHAR).
INSERT OR REPLACE INTO monthly_notes (month, programme, text, updated_at, author)
VALUES ($month, $programme, $text, $updated_at, $author)
