-- Resources dated in the period, counted by month (YYYY-MM) and type.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
SELECT strftime(date, '%Y-%m') AS month, type, count(*) AS resources
FROM resources
WHERE date BETWEEN $start AND $end
  AND ($programme IS NULL OR programme = $programme)
GROUP BY ALL
ORDER BY month, type
