-- Programme content beyond sessions: meetings, resources, groups and members,
-- evaluation answers, surveys, programme lines; tours are actions with a tour id.
-- Files made before these columns gain them here (DuckDB cannot add a CHECK with ALTER; new
-- files get the constrained columns from schema.sql).
ALTER TABLE actors ADD COLUMN IF NOT EXISTS role VARCHAR;      -- expert, initiative, ...
ALTER TABLE actors ADD COLUMN IF NOT EXISTS sector VARCHAR;    -- secteur, for partners outside CSTI
ALTER TABLE actions ADD COLUMN IF NOT EXISTS tour_id VARCHAR;  -- set on the stops of a tour
ALTER TABLE actions ADD COLUMN IF NOT EXISTS tour_name VARCHAR;

CREATE TABLE IF NOT EXISTS programme_items (      -- programmes: the programme and its lines
    item_id    VARCHAR PRIMARY KEY,               -- programme | element | title
    programme  VARCHAR NOT NULL,
    element    VARCHAR NOT NULL CHECK (element IN ('programme', 'mission', 'orientation', 'phase')),
    title      VARCHAR NOT NULL,
    position   INTEGER CHECK (position >= 0),
    start_date DATE,
    end_date   DATE,
    import_id  INTEGER NOT NULL,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);

CREATE TABLE IF NOT EXISTS meetings (             -- rencontres
    meeting_id      VARCHAR PRIMARY KEY,
    type            VARCHAR NOT NULL CHECK (type IN
                    ('expert', 'initiative', 'partenaire', 'cadrage_evaluation', 'pilotage',
                     'autre')),
    title           VARCHAR,
    date            DATE NOT NULL,
    structure       VARCHAR,                      -- as typed; actor_id when it names an actor
    actor_id        VARCHAR,
    in_region       BOOLEAN,                      -- the structure is inside the programme's region
    theme           VARCHAR,
    field           VARCHAR,                      -- domaine: CSTI, culture, recherche, ...
    commune_code    VARCHAR,
    department_code VARCHAR,
    lon             DOUBLE,
    lat             DOUBLE,
    programme       VARCHAR,
    import_id       INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS resources (            -- ressources et communication
    resource_id VARCHAR PRIMARY KEY,
    type        VARCHAR NOT NULL CHECK (type IN
                ('portrait', 'catalogue', 'kit', 'emission_radio', 'article', 'video', 'charte',
                 'autre')),
    title       VARCHAR NOT NULL,
    date        DATE,
    structure   VARCHAR,
    actor_id    VARCHAR,
    series      VARCHAR,                          -- collection: "Chercheur.e.s d'Occitanie", ...
    audience    INTEGER CHECK (audience >= 0),
    website     VARCHAR,
    programme   VARCHAR,
    import_id   INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS groups (               -- groupes de travail, de consultation
    group_id   VARCHAR PRIMARY KEY,
    name       VARCHAR NOT NULL,
    type       VARCHAR CHECK (type IN ('travail', 'consultation', 'autre')),
    theme      VARCHAR,
    start_date DATE,
    end_date   DATE,
    todo_lists INTEGER CHECK (todo_lists >= 0),   -- listes de tâches remplies
    programme  VARCHAR,
    import_id  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS group_members (        -- membres: a person or an actor of the workspace
    membership_id VARCHAR PRIMARY KEY,            -- group_id | person or actor id
    group_id      VARCHAR NOT NULL,
    person_id     VARCHAR,
    actor_id      VARCHAR,
    import_id     INTEGER NOT NULL,
    CHECK ((person_id IS NULL) <> (actor_id IS NULL))
);

CREATE TABLE IF NOT EXISTS evaluations (          -- answers to questionnaires, interviews held
    evaluation_id VARCHAR PRIMARY KEY,            -- type | person | session | dimension
    type          VARCHAR NOT NULL CHECK (type IN ('questionnaire', 'entretien')),
    person_id     VARCHAR NOT NULL,               -- never shown to the public role
    session_id    VARCHAR,
    dimension     VARCHAR,                        -- question or dimension measured
    score_before  DOUBLE CHECK (score_before BETWEEN 0 AND 10),
    score_after   DOUBLE CHECK (score_after BETWEEN 0 AND 10),
    satisfaction  DOUBLE CHECK (satisfaction BETWEEN 0 AND 10),
    date          DATE,                           -- else the session's date
    programme     VARCHAR,
    import_id     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS surveys (              -- enquêtes et leurs répondant·es
    survey_id   VARCHAR PRIMARY KEY,
    title       VARCHAR NOT NULL,
    start_date  DATE NOT NULL,
    end_date    DATE,
    target      VARCHAR,                          -- public interrogé
    respondents INTEGER CHECK (respondents >= 0),
    structure   VARCHAR,
    programme   VARCHAR,
    import_id   INTEGER NOT NULL
);
