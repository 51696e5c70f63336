-- Every target row, to check its KPI id and period before they are used.
-- Parameters: none.
SELECT kpi_id, period, programme, value
FROM targets
ORDER BY kpi_id, period, programme
