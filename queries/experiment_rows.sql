-- Expérimentations page: experiments started by the end of the period (the same set as
-- experiments_total in kpi_experiments: not an idea or in preparation, and start_date <= $end
-- or undated but en_cours / terminee). Planned ones are only counted (experiments_planned).
-- Parameters: $end (DATE, the period's last day), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR, NULL = every department: else only records placed in that department).
-- Needs "ref" for department names.
SELECT
    e.title,
    e.structure,
    e.theme,
    e.status,
    e.start_date,
    e.end_date,
    e.people_reached,
    e.department_code,
    d.name AS department_name
FROM experiments e
LEFT JOIN ref.departments d ON d.code = e.department_code
WHERE coalesce(e.status NOT IN ('idee', 'en_preparation'), true)
  AND (e.start_date <= $end
       OR (e.start_date IS NULL AND e.status IN ('en_cours', 'terminee')))
  AND ($programme IS NULL OR e.programme = $programme)
  AND ($department IS NULL OR e.department_code = $department)
ORDER BY e.start_date NULLS LAST, e.title
