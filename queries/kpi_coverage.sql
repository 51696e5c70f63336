-- KPI catalogue, coverage fallback used until observatoire.coverage provides coverage_kpis:
-- communes with an action or a session over a window, and the rural ones among them.
-- Parameters: $start, $end (DATE, inclusive: the 12 months ending at the period's end),
-- $programme (VARCHAR, NULL = every programme). Needs the reference attached as "ref".
-- $department (VARCHAR, NULL = every department: else only records placed in that department).
-- Remote (distanciel) sessions reach no commune, as in observatoire.coverage.
WITH reached AS (
    SELECT commune_code FROM actions
    WHERE start_date BETWEEN $start AND $end
      AND ($programme IS NULL OR programme = $programme)
      AND ($department IS NULL OR department_code = $department)
    UNION
    SELECT commune_code FROM sessions
    WHERE start_date BETWEEN $start AND $end
      AND format IS DISTINCT FROM 'distanciel'
      AND ($programme IS NULL OR programme = $programme)
      AND ($department IS NULL OR department_code = $department)
)
SELECT
    count(*)                           AS communes_reached,
    count(*) FILTER (WHERE c.rural)    AS rural_communes_reached
FROM reached r
JOIN ref.communes c ON c.code = r.commune_code
