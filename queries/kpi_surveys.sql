-- KPI catalogue, evaluation group: surveys launched in the period and their respondents.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- $department (VARCHAR): surveys have no place, so a department view counts none.
SELECT
    count(*)                          AS surveys_total,
    coalesce(sum(respondents), 0)     AS survey_respondents
FROM surveys
WHERE start_date BETWEEN $start AND $end
  AND ($programme IS NULL OR programme = $programme)
  AND $department IS NULL  -- a survey is not placed: a department view counts none
