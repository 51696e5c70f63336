-- Every region (code, name), in alphabetical order, for pickers.
-- Parameters: none.
SELECT code, name
FROM regions
ORDER BY name
