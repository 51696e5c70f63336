-- Actor identities of the workspace: id, normalised name and commune. No parameters.
SELECT actor_id, name_key, commune_code FROM actors;
