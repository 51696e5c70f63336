-- KPI catalogue, network group: working and consultation groups and their members.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- A group counts when it started by the end of the period (or has no start date) and had not
-- ended before the period began; members are distinct people (structures that are members do not count).
-- $department (VARCHAR, NULL = every department: else members who work in that department;
-- groups are not placed and all count).
WITH active AS (
    SELECT group_id
    FROM groups
    WHERE (start_date IS NULL OR start_date <= $end)
      AND (end_date IS NULL OR end_date >= $start)
      AND ($programme IS NULL OR programme = $programme)
)
SELECT
    (SELECT count(*) FROM active)  AS groups_total,
    (SELECT count(DISTINCT m.person_id)
     FROM group_members m JOIN active USING (group_id)
     JOIN people p USING (person_id)
     WHERE $department IS NULL OR p.department_code = $department) AS group_members
