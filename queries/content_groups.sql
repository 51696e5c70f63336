-- Groups active in the period (as kpi_groups) with their distinct people and structures.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
SELECT
    g.group_id, g.name, g.type, g.theme, g.start_date, g.end_date, g.todo_lists,
    count(DISTINCT m.person_id) AS people,
    count(DISTINCT m.actor_id)  AS structures
FROM groups g
LEFT JOIN group_members m USING (group_id)
WHERE (g.start_date IS NULL OR g.start_date <= $end)
  AND (g.end_date IS NULL OR g.end_date >= $start)
  AND ($programme IS NULL OR g.programme = $programme)
GROUP BY ALL
ORDER BY g.start_date NULLS LAST, g.name
