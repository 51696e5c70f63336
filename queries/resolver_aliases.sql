-- Codes and names that denote a current commune: former codes, delegated and associated
-- communes, PLM arrondissements. Parameters: none.
SELECT alias_code, alias_name, alias_key, commune_code, kind
FROM commune_aliases
ORDER BY alias_code
