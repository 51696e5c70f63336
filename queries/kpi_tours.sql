-- KPI catalogue, tours group: stops of tours (actions with a tour id) starting in the period.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme),
-- $department (VARCHAR, NULL = every department). A stop lasts from its first to its last day
-- inclusive (one day when it has no end date); a stop without a visitor count adds 0.
SELECT
    count(DISTINCT tour_id)                                                       AS tours_total,
    count(*)                                                                      AS tour_stops,
    coalesce(sum(date_diff('day', start_date, coalesce(end_date, start_date)) + 1), 0)
                                                                                  AS tour_days,
    coalesce(sum(participants), 0)                                                AS tour_visitors
FROM actions
WHERE tour_id IS NOT NULL
  AND start_date BETWEEN $start AND $end
  AND ($programme IS NULL OR programme = $programme)
  AND ($department IS NULL OR department_code = $department)
