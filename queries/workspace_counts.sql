-- Row counts of the workspace tables, for `observatoire workspace`. No parameters.
SELECT
    (SELECT count(*) FROM actors) AS actors,
    (SELECT count(*) FROM people) AS people,
    (SELECT count(*) FROM sessions) AS sessions,
    (SELECT count(*) FROM attendances) AS attendances,
    (SELECT count(*) FROM experiments) AS experiments,
    (SELECT count(*) FROM actions) AS actions,
    (SELECT count(*) FROM targets) AS targets;
