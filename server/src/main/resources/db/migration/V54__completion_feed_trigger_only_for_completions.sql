-- The completion feed's trigger now fires only for the statements it records: completed, passed, failed, and
-- voiding statements (which it follows when they void a recorded completion). Why: a row trigger without WHEN
-- queued an event for every inserted statement and ran the function at commit for each, reading two JSON paths of
-- the payload before looking at the verb; most statements (answers, progress, launches) are none of these.
-- The function (V52) and the deferral (V53) are unchanged.
DROP TRIGGER completion_feed_append ON xapi_statement;
CREATE CONSTRAINT TRIGGER completion_feed_append AFTER INSERT ON xapi_statement
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (NEW.verb_iri IN ('http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/verbs/passed',
                         'http://adlnet.gov/expapi/verbs/failed', 'http://adlnet.gov/expapi/verbs/voided'))
  EXECUTE FUNCTION completion_feed_append();
