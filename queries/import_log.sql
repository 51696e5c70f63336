-- Record one import and its JSON report.
-- $import_id, $file_name, $sha256, $imported_at (timestamp), $summary (JSON text).
INSERT INTO imports (import_id, file_name, sha256, imported_at, summary)
VALUES ($import_id, $file_name, $sha256, $imported_at, $summary);
