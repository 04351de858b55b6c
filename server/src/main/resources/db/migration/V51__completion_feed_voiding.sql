-- The completion feed also carries the voiding of a completion it holds, so a school that pulled the completion
-- learns that it was voided on its next pull (same unit and organisation as the completion, so the same schools
-- see it). Same commit-order rule as V50.
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
  SELECT lower(split_part(a.email, '@', 2)) INTO org FROM learner_account a WHERE a.id::text = who;
  IF org IS NULL AND who LIKE 'mailto:%@%' THEN
    org := lower(split_part(who, '@', 2));
  END IF;
  -- held until the end of the transaction: see V50
  PERFORM pg_advisory_xact_lock(7, 8);
  INSERT INTO completion_feed (seq, statement_pk, verb_iri, object_iri, unit_iri, learner, organisation, stored)
  VALUES (nextval('completion_feed_seq'), NEW.id, NEW.verb_iri, obj,
          substring(obj FROM '^(.*/unit/[0-9]+)'), who, org, NEW.stored);
  RETURN NULL;
END $$;
