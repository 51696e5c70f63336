-- Actors with a network role (experts, initiatives, consortium, partners) listed by the end of
-- the period: role, field (category), sector, name and place. Names only: never contacts.
-- Parameters: $end (DATE), $programme (VARCHAR, NULL = every programme),
-- $department (VARCHAR, NULL = every department). Needs "ref" for the commune names.
SELECT a.role, a.category, a.sector, a.name, c.name AS commune, a.department_code
FROM actors a
LEFT JOIN ref.communes c ON c.code = a.commune_code
WHERE a.role IS NOT NULL
  AND (a.listed_on IS NULL OR a.listed_on <= $end)
  AND ($programme IS NULL OR a.programme = $programme)
  AND ($department IS NULL OR a.department_code = $department)
ORDER BY a.role, a.category, a.name
