-- Groups active in the period (as kpi_groups) with their distinct people and structures.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme),
-- $department (VARCHAR, NULL = every department: else people who work in that department and
-- structures of that department, as kpi_groups; groups are not placed and all are listed).
SELECT
    g.group_id, g.name, g.type, g.theme, g.start_date, g.end_date, g.todo_lists,
    count(DISTINCT m.person_id) FILTER (
        WHERE $department IS NULL OR p.department_code = $department) AS people,
    count(DISTINCT m.actor_id) FILTER (
        WHERE $department IS NULL OR a.department_code = $department) AS structures
FROM groups g
LEFT JOIN group_members m USING (group_id)
LEFT JOIN people p ON p.person_id = m.person_id
LEFT JOIN actors a ON a.actor_id = m.actor_id
WHERE (g.start_date IS NULL OR g.start_date <= $end)
  AND (g.end_date IS NULL OR g.end_date >= $start)
  AND ($programme IS NULL OR g.programme = $programme)
GROUP BY ALL
ORDER BY g.start_date NULLS LAST, g.name
