-- Workspace schema. One DuckDB file per network; the reference database is
-- attached read-only as "ref". Column names marked (ext) are relied on by external checks.
-- Enumerations are stored in plain ASCII; the French labels live in observatoire/texts.

CREATE TABLE IF NOT EXISTS workspace_info (
    key   VARCHAR PRIMARY KEY,  -- name, departments (JSON list), programmes (JSON list), demo, created_at
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS imports (
    import_id   INTEGER PRIMARY KEY,
    file_name   VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    imported_at TIMESTAMP NOT NULL,
    summary     VARCHAR NOT NULL  -- the JSON import report (counts per kind)
);

CREATE TABLE IF NOT EXISTS import_rejects (
    import_id INTEGER NOT NULL,
    severity  VARCHAR NOT NULL CHECK (severity IN ('rejet', 'avertissement')),
    kind      VARCHAR,            -- acteurs, personnes, ...
    sheet     VARCHAR,
    "row"     INTEGER,            -- as the user sees it in the spreadsheet (header = 1)
    "column"  VARCHAR,
    value     VARCHAR,
    reason    VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS actors (
    actor_id       VARCHAR PRIMARY KEY,           -- (ext) identifiant, or derived from name + commune
    name           VARCHAR NOT NULL,              -- (ext)
    name_key       VARCHAR NOT NULL,
    structure_type VARCHAR,
    circle         TINYINT CHECK (circle BETWEEN 1 AND 3),  -- (ext)
    category       VARCHAR,
    address        VARCHAR,
    postal_code    VARCHAR,
    commune_code   VARCHAR NOT NULL,              -- (ext)
    department_code VARCHAR NOT NULL,
    lon            DOUBLE NOT NULL,               -- (ext)
    lat            DOUBLE NOT NULL,               -- (ext)
    approximate    BOOLEAN NOT NULL,              -- placed at the commune's reference point
    qpv_code       VARCHAR,
    email          VARCHAR,                       -- (ext)
    phone          VARCHAR,
    website        VARCHAR,
    listed_on      DATE,                          -- date_recensement
    programme      VARCHAR,
    import_id      INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS people (
    person_id       VARCHAR PRIMARY KEY,          -- (ext) pseudonymous identifier, never a name
    gender          VARCHAR CHECK (gender IN ('F', 'H', 'X')),                  -- (ext)
    status          VARCHAR CHECK (status IN ('salarie', 'benevole', 'autre')), -- (ext)
    structure       VARCHAR,
    actor_id        VARCHAR,                      -- set when the structure matches an actor
    department_code VARCHAR,
    category        VARCHAR,
    employer_type   VARCHAR CHECK (employer_type IN
                    ('association', 'collectivite', 'universite', 'entreprise', 'autre')),
    origin          VARCHAR CHECK (origin IN ('programme', 'region', 'hors_region')),
    import_id       INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS sessions (
    session_id      VARCHAR PRIMARY KEY,          -- (ext)
    type            VARCHAR NOT NULL CHECK (type IN
                    ('formation', 'webinaire', 'regroupement', 'atelier', 'sensibilisation')), -- (ext)
    title           VARCHAR NOT NULL,
    theme           VARCHAR,
    format          VARCHAR CHECK (format IN ('presentiel', 'distanciel')),
    start_date      DATE NOT NULL,                -- (ext)
    end_date        DATE,
    days            DOUBLE,                       -- (ext)
    commune_code    VARCHAR,
    department_code VARCHAR,
    lon             DOUBLE,
    lat             DOUBLE,
    facilitator     VARCHAR,
    programme       VARCHAR,
    strand          VARCHAR,                      -- volet: the training path a session belongs to
    import_id       INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS attendances (
    session_id VARCHAR NOT NULL,                  -- (ext)
    person_id  VARCHAR NOT NULL,                  -- (ext)
    import_id  INTEGER NOT NULL,
    PRIMARY KEY (session_id, person_id)
);

CREATE TABLE IF NOT EXISTS experiments (
    experiment_id   VARCHAR PRIMARY KEY,
    title           VARCHAR NOT NULL,
    structure       VARCHAR,
    actor_id        VARCHAR,
    theme           VARCHAR,
    status          VARCHAR CHECK (status IN
                    ('idee', 'en_preparation', 'en_cours', 'terminee', 'abandonnee')),
    start_date      DATE,
    end_date        DATE,
    commune_code    VARCHAR,
    department_code VARCHAR,
    lon             DOUBLE,
    lat             DOUBLE,
    target_publics  VARCHAR,
    people_reached  INTEGER,
    programme       VARCHAR,
    import_id       INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS actions (
    action_id       VARCHAR PRIMARY KEY,
    type            VARCHAR,
    title           VARCHAR NOT NULL,
    start_date      DATE NOT NULL,
    end_date        DATE,
    commune_code    VARCHAR,
    department_code VARCHAR,
    lon             DOUBLE,
    lat             DOUBLE,
    approximate     BOOLEAN,
    qpv_code        VARCHAR,
    structure       VARCHAR,
    actor_id        VARCHAR,
    participants    INTEGER,
    publics         VARCHAR,
    programme       VARCHAR,
    import_id       INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS targets (
    kpi_id    VARCHAR NOT NULL,
    period    VARCHAR NOT NULL,                   -- YYYY or YYYY-MM
    programme VARCHAR NOT NULL DEFAULT '',        -- '' = every programme
    value     DOUBLE NOT NULL,
    import_id INTEGER,
    PRIMARY KEY (kpi_id, period, programme)
);

CREATE TABLE IF NOT EXISTS monthly_notes (        -- "faits marquants" of the monthly review
    month      VARCHAR NOT NULL,                  -- YYYY-MM
    programme  VARCHAR NOT NULL DEFAULT '',       -- '' = every programme
    text       VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    author     VARCHAR,                           -- older files gain it on their first review write
    PRIMARY KEY (month, programme)
);

CREATE TABLE IF NOT EXISTS kpi_snapshots (        -- "figer le mois": values as the committee saw them
    month      VARCHAR NOT NULL,                  -- YYYY-MM
    programme  VARCHAR NOT NULL DEFAULT '',       -- '' = every programme
    department VARCHAR NOT NULL DEFAULT '',       -- '' = the whole workspace
    kpi_id     VARCHAR NOT NULL,
    value      DOUBLE,
    frozen_at  TIMESTAMP NOT NULL,
    frozen_by  VARCHAR,
    -- Files made before the department column are migrated on their first review write
    -- (observatoire/review/store.py).
    PRIMARY KEY (month, programme, department, kpi_id)
);

-- Files made before the breakdown columns gain them on their first write (values stay NULL).
ALTER TABLE people ADD COLUMN IF NOT EXISTS employer_type VARCHAR;
ALTER TABLE people ADD COLUMN IF NOT EXISTS origin VARCHAR;
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS strand VARCHAR;
