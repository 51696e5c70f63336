-- Commune outlines (WKB) for point-in-commune tests. Parameters: none.
SELECT code, geometry
FROM communes
ORDER BY code
