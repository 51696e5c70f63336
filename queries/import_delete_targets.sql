-- Remove the targets an import is about to write again with updated values.
-- $kpi_ids, $periods, $programmes: parallel lists, one entry per target key.
DELETE FROM targets
USING (SELECT unnest($kpi_ids) AS kpi_id, unnest($periods) AS period,
              unnest($programmes) AS programme) AS keys
WHERE targets.kpi_id = keys.kpi_id AND targets.period = keys.period
  AND targets.programme = keys.programme;
