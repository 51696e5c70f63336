-- The "faits marquants" note of one month and programme, if any.
-- Parameters: $month (VARCHAR, YYYY-MM), $programme (VARCHAR, '' = every programme).
SELECT month, programme, text, updated_at, author
FROM monthly_notes
WHERE month = $month AND programme = $programme
