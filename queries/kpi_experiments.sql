-- KPI catalogue, experiments group: one row whose columns are KPI ids.
-- Parameters: $end (DATE, the period's last day), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only records placed in that department).
-- "Started by the end of the period": start_date <= $end, whatever the status; an experiment
-- with no start_date counts only when its status says it has started (en_cours, terminee),
-- since ideas and projects in preparation usually have no date yet. Statuses are the current
-- ones (the workspace keeps no status history). No $start: these are stocks, not flows.
SELECT
    count(*)                                          AS experiments_total,
    count(*) FILTER (WHERE status = 'en_cours')       AS experiments_active,
    count(*) FILTER (WHERE status = 'terminee')       AS experiments_completed
FROM experiments
WHERE (start_date <= $end
       OR (start_date IS NULL AND status IN ('en_cours', 'terminee')))
  AND ($programme IS NULL OR programme = $programme)
  AND ($department IS NULL OR department_code = $department)
