-- The departments where the workspace has at least one actor: the default territory when none
-- is declared. No parameters.
SELECT DISTINCT department_code AS code
FROM actors
WHERE department_code IS NOT NULL
ORDER BY code
