-- Reference communes a user may mean by a place typed in the "near a place" search: the INSEE
-- code itself, or the folded name (observatoire.normalize.place_key), by department then code.
-- $code: the text as typed (trimmed, upper case); $key: its place_key.
SELECT code, name, department_code, lon, lat
FROM ref.communes
WHERE code = $code OR name_key = $key
ORDER BY department_code, code
