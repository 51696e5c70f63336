-- Identifiers of the groups already in the workspace (members of an import may name them).
SELECT group_id FROM groups;
