-- Territory profile: distinct people who attended a 'formation' session starting between
-- $start and $end (DATE, inclusive) and whose structure is an actor based in one of $communes
-- (list of commune codes). Runs on a workspace.
SELECT count(DISTINCT p.person_id) AS people
FROM attendances a
JOIN sessions s USING (session_id)
JOIN people p USING (person_id)
JOIN actors ac ON ac.actor_id = p.actor_id
WHERE s.type = 'formation'
  AND s.start_date BETWEEN $start AND $end
  AND list_contains($communes, ac.commune_code)
