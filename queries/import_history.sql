-- Import history (page donnees): every import of the workspace, the latest first.
-- Parameters: none. "summary" is the JSON import report (counts per kind).
SELECT import_id, imported_at, file_name, sha256, summary
FROM imports
ORDER BY imported_at DESC, import_id DESC
