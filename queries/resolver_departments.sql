-- Department codes and name keys, to read a department given as a code or a name.
-- Parameters: none.
SELECT code, name, name_key
FROM departments
ORDER BY code
