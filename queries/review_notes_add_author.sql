-- Upgrade a monthly_notes table made before the author column (run on a staged copy only).
-- No parameters.
ALTER TABLE monthly_notes ADD COLUMN IF NOT EXISTS author VARCHAR
