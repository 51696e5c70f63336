-- Every frozen review of the workspace, latest month first: one row per month, programme and
-- department with the number of KPIs kept and when and by whom. No parameters.
SELECT month, programme, department, count(*) AS kpis,
       max(frozen_at) AS frozen_at, any_value(frozen_by) AS frozen_by
FROM kpi_snapshots
GROUP BY month, programme, department
ORDER BY month DESC, programme, department
