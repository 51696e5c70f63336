-- KPI catalogue, experiments group: one row whose columns are KPI ids.
-- Parameters: $end (DATE, the period's last day), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only records placed in that department).
-- "Started by the end of the period": not planned (status idee or en_preparation) and
-- start_date <= $end; an experiment with no start_date counts only when its status says it
-- has started (en_cours, terminee). "Planned": status idee or en_preparation, whatever the
-- dates (an idea often has none). Statuses are the current ones (the workspace keeps no status
-- history). No $start: these are stocks, not flows.
WITH chosen AS (
    SELECT
        status,
        coalesce(status IN ('idee', 'en_preparation'), false) AS planned,
        NOT coalesce(status IN ('idee', 'en_preparation'), false)
            AND (start_date <= $end
                 OR (start_date IS NULL AND status IN ('en_cours', 'terminee'))) AS started
    FROM experiments
    WHERE ($programme IS NULL OR programme = $programme)
      AND ($department IS NULL OR department_code = $department)
)
SELECT
    count(*) FILTER (WHERE started)                            AS experiments_total,
    count(*) FILTER (WHERE started AND status = 'en_cours')    AS experiments_active,
    count(*) FILTER (WHERE started AND status = 'terminee')    AS experiments_completed,
    count(*) FILTER (WHERE planned)                            AS experiments_planned
FROM chosen
