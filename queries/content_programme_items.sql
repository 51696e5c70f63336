-- The programme's description lines (dates, missions, orientations, phases), in display order.
-- Parameters: $programme (VARCHAR, NULL = every programme).
SELECT programme, element, title, position, start_date, end_date
FROM programme_items
WHERE ($programme IS NULL OR programme = $programme)
ORDER BY programme, element, position NULLS LAST, title
