-- SCORM / cmi5 dispatch (issue 5). An LMS that imports our packages is a registration; each package carries a
-- signed binding to it. LMS learners become learner accounts identified by their LMS (xAPI agent
-- account {homePage: <LMS base URL>, name: <LMS learner id>}), so the player's tables serve them unchanged.

-- A registration of an LMS: who may launch (origin), whose learners these are (base_url, the agent homePage),
-- with an optional seat cap (distinct learners) and expiry. revoked: launches refused from then on.
CREATE TABLE lms_registration (
  id         TEXT        PRIMARY KEY,
  name       TEXT        NOT NULL,
  origin     TEXT        NOT NULL,
  base_url   TEXT        NOT NULL,
  seat_cap   INT,
  expires    TIMESTAMPTZ,
  created    TIMESTAMPTZ NOT NULL,
  revoked    TIMESTAMPTZ
);

-- LMS learners have no email or password; their agent comes from the LMS. A local account has neither column.
ALTER TABLE learner_account ALTER COLUMN email DROP NOT NULL;
ALTER TABLE learner_account ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE learner_account ADD COLUMN agent_home_page TEXT;
ALTER TABLE learner_account ADD COLUMN agent_name TEXT;
ALTER TABLE learner_account ADD CONSTRAINT learner_account_agent UNIQUE (agent_home_page, agent_name);

-- A seat: a distinct learner who launched through a registration (what the seat cap counts).
CREATE TABLE lms_seat (
  registration_id TEXT        NOT NULL REFERENCES lms_registration (id) ON DELETE CASCADE,
  learner_id      UUID        NOT NULL REFERENCES learner_account (id) ON DELETE CASCADE,
  first_launch    TIMESTAMPTZ NOT NULL,
  last_launch     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (registration_id, learner_id)
);

-- One launch from an LMS: the single-use launch token (token_used), then the frame session it became
-- (session_hash = SHA-256 of the session token, as in learner_session). standard: scorm12, scorm2004, cmi5.
-- cmi5: the LMS's LRS endpoint, auth token, registration, actor, activity id and launch data, to send the cmi5
-- defined statements; terminated once the terminated statement went out.
CREATE TABLE lms_launch (
  id              UUID        PRIMARY KEY,
  registration_id TEXT        NOT NULL REFERENCES lms_registration (id) ON DELETE CASCADE,
  learner_id      UUID        NOT NULL REFERENCES learner_account (id) ON DELETE CASCADE,
  unit_number     INT         NOT NULL,
  standard        TEXT        NOT NULL,
  lms_origin      TEXT        NOT NULL,
  cmi5            JSONB,
  created         TIMESTAMPTZ NOT NULL,
  token_expires   TIMESTAMPTZ NOT NULL,
  token_used      TIMESTAMPTZ,
  session_hash    TEXT        UNIQUE,
  terminated      TIMESTAMPTZ
);
CREATE INDEX lms_launch_learner_idx ON lms_launch (learner_id, unit_number, created);
