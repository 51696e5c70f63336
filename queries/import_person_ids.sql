-- Person ids already in the workspace (participations may reference them). No parameters.
SELECT person_id FROM people;
