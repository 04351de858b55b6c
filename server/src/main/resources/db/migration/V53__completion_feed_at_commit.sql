-- The completion feed's rows are now appended when the transaction commits, not when the statement is inserted.
-- Why: appending takes the feed's advisory lock (V50) and holds it until the commit, so that seq follows commit
-- order; taken at the insert, it serialised every storing transaction holding a completion for the whole rest of
-- its work (index rows, activity definitions, the commit itself): under load, nine tenths of the statement insert's
-- time in PostgreSQL was waiting for it. A deferred constraint trigger runs at COMMIT, so the lock is held for the
-- append and the commit only. The function (V52) is unchanged; the order of seq is still commit order.
DROP TRIGGER completion_feed_append ON xapi_statement;
CREATE CONSTRAINT TRIGGER completion_feed_append AFTER INSERT ON xapi_statement
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION completion_feed_append();
