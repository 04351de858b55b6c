-- The actor / activity / reference rows are written only by the LRS, in the same transaction as their statement,
-- and statements are never deleted. Their foreign keys and statement_pk indexes cost a lookup and an index entry
-- per row on every insert (several rows per statement) and serve no query: the filter indexes lead with the
-- actor IFI or activity IRI and end with statement_pk.
ALTER TABLE statement_to_actor DROP CONSTRAINT statement_to_actor_statement_pk_fkey;
ALTER TABLE statement_to_activity DROP CONSTRAINT statement_to_activity_statement_pk_fkey;
ALTER TABLE statement_reference DROP CONSTRAINT statement_reference_statement_pk_fkey;
DROP INDEX statement_to_actor_pk_idx;
DROP INDEX statement_to_activity_pk_idx;
