-- Formations page: the latest year holding a 'formation' session (NULL if none), its default
-- period, so that a programme whose last trainings are older does not open on empty cards.
-- Parameters: none.
SELECT max(year(start_date)) AS year FROM sessions WHERE type = 'formation'
