-- Names of departments by code. $codes: list of department codes.
SELECT code, name FROM ref.departments WHERE list_contains($codes, code) ORDER BY code
