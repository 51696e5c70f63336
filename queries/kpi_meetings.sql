-- KPI catalogue, network group: meetings dated in the period.
-- Parameters: $start, $end (DATE, inclusive), $programme (VARCHAR, NULL = every programme).
-- A structure met is its actor when the meeting names one, else its name folded to lower case;
-- in/out of the region follows the meeting's in_region flag (unknown counts in neither).
-- $department (VARCHAR, NULL = every department: else meetings placed in that department).
WITH met AS (
    SELECT *, coalesce(actor_id, lower(trim(structure))) AS structure_key
    FROM meetings
    WHERE date BETWEEN $start AND $end
      AND ($programme IS NULL OR programme = $programme)
      AND ($department IS NULL OR department_code = $department)
),
experts AS (
    SELECT * FROM met WHERE type IN ('expert', 'initiative')
)
SELECT
    (SELECT count(*) FROM met)                                              AS meetings_total,
    (SELECT count(*) FROM experts)                                          AS meetings_experts,
    (SELECT count(DISTINCT structure_key) FROM experts)                     AS meetings_structures,
    (SELECT count(DISTINCT structure_key) FROM experts WHERE in_region)
                                                                AS meetings_structures_in_region,
    (SELECT count(DISTINCT structure_key) FROM experts WHERE NOT in_region)
                                                                AS meetings_structures_outside,
    (SELECT count(*) FROM met WHERE type = 'cadrage_evaluation')
                                                                AS evaluation_framing_meetings
