-- The organisation directory (issue 8): where a learner's organisation comes from. Admins define organisations
-- (a stable id, a display name, the e-mail domains that belong to them); one rule, the functions below, turns a
-- learner into an organisation id for the completion feed, the desks' analytics, certificates and leaderboards.

-- How free text is compared with the directory: trimmed, repeated spaces collapsed, case and Spanish / Catalan
-- accents ignored. translate() runs before lower() because lower() leaves non-ASCII letters alone under the C
-- locale the embedded server may run with.
CREATE FUNCTION organisation_key(p_text TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(lower(translate(btrim(p_text),
    'ÁÀÂÄÃÅáàâäãåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÖÕóòôöõÚÙÛÜúùûüÑñÇç',
    'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuNnCc')), '\s+', ' ', 'g')
$$;

-- id: lowercase, usually the organisation's main e-mail domain (so desk scopes written as domains before the
-- directory existed name it). name: shown in the desks and offered to learners; unique up to organisation_key.
CREATE TABLE organisation (
  id      TEXT        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9.-]{0,189}$'),
  name    TEXT        NOT NULL CHECK (btrim(name) <> ''),
  created TIMESTAMPTZ NOT NULL,
  updated TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX organisation_name_key_idx ON organisation (organisation_key(name));

-- The e-mail domains of an organisation; a domain belongs to one organisation at most.
CREATE TABLE organisation_domain (
  domain          TEXT PRIMARY KEY CHECK (domain ~ '^[a-z0-9][a-z0-9.-]{0,189}$'),
  organisation_id TEXT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE
);
CREATE INDEX organisation_domain_organisation_idx ON organisation_domain (organisation_id);

-- The organisation whose learners an LMS registration brings (optional): LMS learners have no e-mail.
ALTER TABLE lms_registration ADD COLUMN organisation_id TEXT REFERENCES organisation (id);

-- The rule, steps (a) to (c): the directory organisation of a learner account (p_learner, may be null) or of an
-- e-mail (p_email, may be null: then the account's), or null when the directory does not place them.
--   (a) the learner's profile organisation, when it names a directory organisation (its id or its name);
--   (b) the organisation that lists the domain of the learner's e-mail;
--   (c) the organisation of the LMS registration the learner launched through (the latest launch).
CREATE FUNCTION directory_organisation(p_learner UUID, p_email TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT o.id FROM learner_profile p JOIN organisation o
          ON organisation_key(p.organisation) IN (organisation_key(o.id), organisation_key(o.name))
      WHERE p.learner_id = p_learner
      ORDER BY organisation_key(p.organisation) = organisation_key(o.id) DESC
      LIMIT 1),
    (SELECT d.organisation_id FROM organisation_domain d
      WHERE d.domain = lower(btrim(substring(coalesce(p_email,
              (SELECT a.email FROM learner_account a WHERE a.id = p_learner)) FROM '@([^@]+)$')))),
    (SELECT r.organisation_id FROM lms_seat s JOIN lms_registration r ON r.id = s.registration_id
      WHERE s.learner_id = p_learner AND r.organisation_id IS NOT NULL
      ORDER BY s.last_launch DESC
      LIMIT 1))
$$;

-- The whole rule: (a) to (c), else (d) the domain of the learner's e-mail, lowercased (null without e-mail).
CREATE FUNCTION learner_organisation(p_learner UUID, p_email TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT coalesce(directory_organisation(p_learner, p_email),
    nullif(lower(btrim(substring(coalesce(p_email,
      (SELECT a.email FROM learner_account a WHERE a.id = p_learner)) FROM '@([^@]+)$'))), ''))
$$;

-- The rule for the actor of a statement: a player account (account name = its id, no LMS home page), an LMS
-- learner (account homePage + name as stored on learner_account), or an e-mail-identified actor (mbox).
CREATE FUNCTION actor_organisation(p_actor JSONB) RETURNS TEXT LANGUAGE plpgsql STABLE AS $$
DECLARE
  account_name TEXT := p_actor #>> '{account,name}';
  mbox TEXT := p_actor ->> 'mbox';
  learner UUID;
  email TEXT;
BEGIN
  IF account_name IS NOT NULL THEN
    SELECT a.id, a.email INTO learner, email FROM learner_account a
     WHERE a.agent_home_page = p_actor #>> '{account,homePage}' AND a.agent_name = account_name;
    IF learner IS NULL AND account_name ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
      SELECT a.id, a.email INTO learner, email FROM learner_account a
       WHERE a.id = account_name::uuid AND a.agent_home_page IS NULL;
    END IF;
  ELSIF mbox LIKE 'mailto:%@%' THEN
    email := substring(mbox FROM 8);
  END IF;
  IF learner IS NULL AND email IS NULL THEN
    RETURN NULL;
  END IF;
  RETURN learner_organisation(learner, email);
END $$;

-- The completion feed takes the organisation from the rule (the rest as in V51).
CREATE OR REPLACE FUNCTION completion_feed_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  obj TEXT := NEW.payload #>> '{object,id}';
  who TEXT := NEW.payload #>> '{actor,account,name}';
  org TEXT;
  target RECORD;
BEGIN
  IF NEW.verb_iri = 'http://adlnet.gov/expapi/verbs/voided' AND NEW.voids_statement_id IS NOT NULL THEN
    SELECT f.unit_iri, f.learner, f.organisation INTO target
      FROM completion_feed f JOIN xapi_statement s ON s.id = f.statement_pk
     WHERE s.statement_id = NEW.voids_statement_id
     LIMIT 1;
    IF FOUND THEN
      PERFORM pg_advisory_xact_lock(7, 8);
      INSERT INTO completion_feed (seq, statement_pk, verb_iri, object_iri, unit_iri, learner, organisation, stored)
      VALUES (nextval('completion_feed_seq'), NEW.id, NEW.verb_iri, obj, target.unit_iri, target.learner,
              target.organisation, NEW.stored);
    END IF;
    RETURN NULL;
  END IF;
  IF NEW.verb_iri NOT IN ('http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/verbs/passed',
                          'http://adlnet.gov/expapi/verbs/failed') THEN
    RETURN NULL;
  END IF;
  IF who IS NULL THEN
    who := NEW.payload #>> '{actor,mbox}';
  END IF;
  -- resolved before taking the lock, so completions serialise no longer than before
  org := actor_organisation(NEW.payload -> 'actor');
  -- held until the end of the transaction: see V50
  PERFORM pg_advisory_xact_lock(7, 8);
  INSERT INTO completion_feed (seq, statement_pk, verb_iri, object_iri, unit_iri, learner, organisation, stored)
  VALUES (nextval('completion_feed_seq'), NEW.id, NEW.verb_iri, obj,
          substring(obj FROM '^(.*/unit/[0-9]+)'), who, org, NEW.stored);
  RETURN NULL;
END $$;

-- Applies the rule again to what was stored with an organisation: every completion in the feed (a voiding keeps
-- the organisation of the completion it voids) and every certificate. Run here for existing data, and by the
-- server in the same transaction as each change to the directory or to a registration's organisation: the
-- directory is the admin's word on who belongs where, so HR and schools see past work under it. A learner editing
-- their own profile does not run it: they cannot move completions or certificates already recorded.
CREATE FUNCTION reresolve_organisations() RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
  changed INT;
  more INT;
BEGIN
  UPDATE completion_feed f SET organisation = r.org
    FROM (SELECT c.seq, actor_organisation(s.payload -> 'actor') AS org
            FROM completion_feed c JOIN xapi_statement s ON s.id = c.statement_pk
           WHERE c.verb_iri <> 'http://adlnet.gov/expapi/verbs/voided') r
   WHERE f.seq = r.seq AND f.organisation IS DISTINCT FROM r.org;
  GET DIAGNOSTICS changed = ROW_COUNT;
  UPDATE completion_feed v SET organisation = c.organisation
    FROM xapi_statement vs, xapi_statement cs, completion_feed c
   WHERE v.verb_iri = 'http://adlnet.gov/expapi/verbs/voided' AND vs.id = v.statement_pk
     AND cs.statement_id = vs.voids_statement_id AND c.statement_pk = cs.id
     AND c.verb_iri <> 'http://adlnet.gov/expapi/verbs/voided' AND v.organisation IS DISTINCT FROM c.organisation;
  GET DIAGNOSTICS more = ROW_COUNT;
  changed := changed + more;
  UPDATE certificate SET organisation = learner_organisation(learner_id, holder_email)
   WHERE organisation IS DISTINCT FROM learner_organisation(learner_id, holder_email);
  GET DIAGNOSTICS more = ROW_COUNT;
  RETURN changed + more;
END $$;

SELECT reresolve_organisations();
