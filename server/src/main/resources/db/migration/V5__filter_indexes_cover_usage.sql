-- The agent and activity filters also test the usage (actor/object vs related): carrying it in the index lets
-- PostgreSQL answer them from the index alone, walking statement_pk in order.
DROP INDEX statement_to_actor_ifi_idx;
CREATE INDEX statement_to_actor_ifi_idx ON statement_to_actor (actor_ifi, statement_pk) INCLUDE (usage);
DROP INDEX statement_to_activity_iri_idx;
CREATE INDEX statement_to_activity_iri_idx ON statement_to_activity (activity_iri, statement_pk) INCLUDE (usage);
