-- The HR and training-school desks (issue 8): staff accounts with roles, their sessions, the audit log, the LRS
-- credentials schools create for themselves, and the commit-ordered completion feed (the sync cursor).

-- Staff accounts. role: admin, hr, school. password_hash is PBKDF2 (SecretHasher). After 5 failed sign-ins in a
-- row the account is locked until locked_until; a success resets failed_signins.
CREATE TABLE staff_account (
  id              BIGSERIAL   PRIMARY KEY,
  email           TEXT        NOT NULL UNIQUE,
  display_name    TEXT        NOT NULL,
  role            TEXT        NOT NULL CHECK (role IN ('admin', 'hr', 'school')),
  password_hash   TEXT        NOT NULL,
  failed_signins  INT         NOT NULL DEFAULT 0,
  locked_until    TIMESTAMPTZ,
  disabled_at     TIMESTAMPTZ,
  created         TIMESTAMPTZ NOT NULL
);

-- What an hr or school account may see. kind: organisation (a learner's organisation, today the domain of the
-- learner's e-mail) or unit (a unit IRI of the course).
CREATE TABLE staff_scope (
  staff_id BIGINT NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  kind     TEXT   NOT NULL CHECK (kind IN ('organisation', 'unit')),
  value    TEXT   NOT NULL,
  PRIMARY KEY (staff_id, kind, value)
);

-- Desk sessions: the cookie carries a random token, only its SHA-256 is stored, with the CSRF synchronizer token.
CREATE TABLE staff_session (
  token_hash TEXT        PRIMARY KEY,
  staff_id   BIGINT      NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  csrf_token TEXT        NOT NULL,
  created    TIMESTAMPTZ NOT NULL,
  expires    TIMESTAMPTZ NOT NULL
);
CREATE INDEX staff_session_staff_idx ON staff_session (staff_id);

-- Every admin / HR / school action: who, what, when. actor_id is null for the admin API (admin secret).
CREATE TABLE audit_log (
  id          BIGSERIAL   PRIMARY KEY,
  at          TIMESTAMPTZ NOT NULL,
  actor_id    BIGINT,
  actor_email TEXT        NOT NULL,
  action      TEXT        NOT NULL,
  target      TEXT,
  details     JSONB       NOT NULL DEFAULT '{}'::jsonb,
  client_ip   TEXT
);
CREATE INDEX audit_log_at_idx ON audit_log (at, id);

-- The LRS credentials a school created for itself from its desk (the credential rows live in lrs_credential).
CREATE TABLE school_credential (
  credential_id BIGINT PRIMARY KEY REFERENCES lrs_credential (id),
  staff_id      BIGINT NOT NULL REFERENCES staff_account (id)
);
CREATE INDEX school_credential_staff_idx ON school_credential (staff_id);

-- The completion feed: one row per stored completed / passed / failed statement, numbered in COMMIT order.
-- seq is drawn from completion_feed_seq while holding a transaction-level advisory lock that is released only
-- after the transaction has committed (PostgreSQL makes a commit visible before it releases locks), so a
-- transaction cannot draw seq n+1 until the one holding n has committed or rolled back: whoever sees n+1 already
-- sees every committed n. A rolled-back draw leaves a hole in the numbers, never a row behind the cursor.
-- unit_iri: the unit the object belongs to (…/unit/<n>), organisation: the learner's organisation at that moment.
CREATE SEQUENCE completion_feed_seq;
CREATE TABLE completion_feed (
  seq          BIGINT      PRIMARY KEY,
  statement_pk BIGINT      NOT NULL,
  verb_iri     TEXT        NOT NULL,
  object_iri   TEXT,
  unit_iri     TEXT,
  learner      TEXT,
  organisation TEXT,
  stored       TIMESTAMPTZ NOT NULL
);
CREATE INDEX completion_feed_unit_idx ON completion_feed (unit_iri, seq);
CREATE INDEX completion_feed_org_idx ON completion_feed (organisation, seq);
CREATE INDEX completion_feed_stored_idx ON completion_feed (stored);

CREATE FUNCTION completion_feed_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  obj TEXT := NEW.payload #>> '{object,id}';
  who TEXT := NEW.payload #>> '{actor,account,name}';
  org TEXT;
BEGIN
  IF NEW.verb_iri NOT IN ('http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/verbs/passed',
                          'http://adlnet.gov/expapi/verbs/failed') THEN
    RETURN NULL;
  END IF;
  IF who IS NULL THEN
    who := NEW.payload #>> '{actor,mbox}';
  END IF;
  SELECT lower(split_part(a.email, '@', 2)) INTO org FROM learner_account a WHERE a.id::text = who;
  IF org IS NULL AND who LIKE 'mailto:%@%' THEN
    org := lower(split_part(who, '@', 2));
  END IF;
  -- 7 is an arbitrary key naming "the completion feed"; held until the end of the transaction
  PERFORM pg_advisory_xact_lock(7, 8);
  INSERT INTO completion_feed (seq, statement_pk, verb_iri, object_iri, unit_iri, learner, organisation, stored)
  VALUES (nextval('completion_feed_seq'), NEW.id, NEW.verb_iri, obj,
          substring(obj FROM '^(.*/unit/[0-9]+)'), who, org, NEW.stored);
  RETURN NULL;
END $$;

CREATE TRIGGER completion_feed_append AFTER INSERT ON xapi_statement
  FOR EACH ROW EXECUTE FUNCTION completion_feed_append();

-- Statements stored before this migration enter the feed in storage order.
INSERT INTO completion_feed (seq, statement_pk, verb_iri, object_iri, unit_iri, learner, organisation, stored)
SELECT nextval('completion_feed_seq'), s.id, s.verb_iri, s.payload #>> '{object,id}',
       substring(s.payload #>> '{object,id}' FROM '^(.*/unit/[0-9]+)'),
       coalesce(s.payload #>> '{actor,account,name}', s.payload #>> '{actor,mbox}'),
       (SELECT lower(split_part(a.email, '@', 2)) FROM learner_account a
         WHERE a.id::text = s.payload #>> '{actor,account,name}'),
       s.stored
FROM xapi_statement s
WHERE s.verb_iri IN ('http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/verbs/passed',
                     'http://adlnet.gov/expapi/verbs/failed')
ORDER BY s.id;
