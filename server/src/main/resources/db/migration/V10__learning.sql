-- The learner player (issue 4). Statements stay the source of truth for progress; these tables hold what the
-- server needs to play fairly: who the learner is, the enrolment (xAPI registration) per unit, the quiz attempts
-- with the items drawn and the answers given (scored here, never in the browser), and scenario plays.

-- Local accounts for direct web use. password_hash is PBKDF2 (SecretHasher). The learner's xAPI agent is
-- account {homePage: CIVICA_PUBLIC_URL, name: id}.
CREATE TABLE learner_account (
  id            UUID        PRIMARY KEY,
  email         TEXT        NOT NULL UNIQUE,
  display_name  TEXT        NOT NULL,
  password_hash TEXT        NOT NULL,
  created       TIMESTAMPTZ NOT NULL
);

-- Browser sessions: the cookie carries a random token, only its SHA-256 is stored.
CREATE TABLE learner_session (
  token_hash TEXT        PRIMARY KEY,
  learner_id UUID        NOT NULL REFERENCES learner_account (id) ON DELETE CASCADE,
  created    TIMESTAMPTZ NOT NULL,
  expires    TIMESTAMPTZ NOT NULL
);
CREATE INDEX learner_session_learner_idx ON learner_session (learner_id);

-- One enrolment per learner and unit; registration is the xAPI context.registration of all its statements.
-- resume: where the learner was reading, {"lesson": "u4-l2", "section": "u4-l2-s1"}.
CREATE TABLE enrolment (
  learner_id   UUID        NOT NULL REFERENCES learner_account (id) ON DELETE CASCADE,
  unit_number  INT         NOT NULL,
  registration UUID        NOT NULL UNIQUE,
  created      TIMESTAMPTZ NOT NULL,
  resume       JSONB       NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (learner_id, unit_number)
);

-- A quiz attempt. items: [{"id": "u4-i07", "order": ["c","a","b"]}] — the draw and the order shown;
-- answers: {"u4-i07": {"response": …, "correct": true}}. status: in_progress, passed, failed.
CREATE TABLE quiz_attempt (
  id           UUID        PRIMARY KEY,
  learner_id   UUID        NOT NULL REFERENCES learner_account (id) ON DELETE CASCADE,
  unit_number  INT         NOT NULL,
  registration UUID        NOT NULL,
  attempt_no   INT         NOT NULL,
  items        JSONB       NOT NULL,
  answers      JSONB       NOT NULL DEFAULT '{}'::jsonb,
  score        DOUBLE PRECISION,
  status       TEXT        NOT NULL,
  started      TIMESTAMPTZ NOT NULL,
  finished     TIMESTAMPTZ,
  CONSTRAINT quiz_attempt_no UNIQUE (learner_id, unit_number, attempt_no)
);

-- A play of a branching scenario: the server keeps the node, the metrics and the path score.
-- path: [{"node": "n1", "choice": "a", "score": 2, "changes": {"satisfaction": 10}}]. status: in_progress, ended.
CREATE TABLE scenario_play (
  id           UUID        PRIMARY KEY,
  learner_id   UUID        NOT NULL REFERENCES learner_account (id) ON DELETE CASCADE,
  unit_number  INT         NOT NULL,
  scenario_id  TEXT        NOT NULL,
  registration UUID        NOT NULL,
  node         TEXT        NOT NULL,
  metrics      JSONB       NOT NULL,
  score        INT         NOT NULL,
  path         JSONB       NOT NULL DEFAULT '[]'::jsonb,
  status       TEXT        NOT NULL,
  started      TIMESTAMPTZ NOT NULL,
  finished     TIMESTAMPTZ
);
CREATE INDEX scenario_play_learner_idx ON scenario_play (learner_id, unit_number, scenario_id, started);
