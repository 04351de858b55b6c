-- The Learning Record Store. Statements are the source of truth of the whole product (DESIGN.md, decision 1).

-- One row per stored statement. `id` is the storage order (also the sync cursor); `payload` is the statement
-- exactly as the LRS returns it (with id, timestamp, stored, authority, version filled in).
CREATE TABLE xapi_statement (
  id                 BIGSERIAL    PRIMARY KEY,
  statement_id       UUID         NOT NULL UNIQUE,
  registration       UUID,
  verb_iri           TEXT         NOT NULL,
  -- set on a voiding statement: the statement it voids
  voids_statement_id UUID,
  is_voided          BOOLEAN      NOT NULL DEFAULT FALSE,
  stored             TIMESTAMPTZ  NOT NULL,
  "timestamp"        TIMESTAMPTZ  NOT NULL,
  credential_id      BIGINT,
  payload            JSONB        NOT NULL
);
CREATE INDEX xapi_statement_stored_idx ON xapi_statement (stored, id);
CREATE INDEX xapi_statement_verb_idx ON xapi_statement (verb_iri, stored, id);
CREATE INDEX xapi_statement_registration_idx ON xapi_statement (registration, stored, id) WHERE registration IS NOT NULL;
CREATE INDEX xapi_statement_credential_idx ON xapi_statement (credential_id, id);

-- Every agent or group a statement names, with where it names it, so agent filters are index lookups.
-- usage: actor, object, authority, instructor, team, context_agent, context_group, sub_actor, sub_object,
--        sub_instructor, sub_team, member (a member of a group in any of those places)
CREATE TABLE statement_to_actor (
  statement_pk BIGINT NOT NULL REFERENCES xapi_statement (id) ON DELETE CASCADE,
  actor_ifi    TEXT   NOT NULL,
  usage        TEXT   NOT NULL
);
CREATE INDEX statement_to_actor_ifi_idx ON statement_to_actor (actor_ifi, statement_pk);
CREATE INDEX statement_to_actor_pk_idx ON statement_to_actor (statement_pk);

-- Every activity a statement names. usage: object, parent, grouping, category, other, sub_object, sub_parent, ...
CREATE TABLE statement_to_activity (
  statement_pk BIGINT NOT NULL REFERENCES xapi_statement (id) ON DELETE CASCADE,
  activity_iri TEXT   NOT NULL,
  usage        TEXT   NOT NULL
);
CREATE INDEX statement_to_activity_iri_idx ON statement_to_activity (activity_iri, statement_pk);
CREATE INDEX statement_to_activity_pk_idx ON statement_to_activity (statement_pk);

-- Statements that target another statement through a StatementRef (filters include referring statements).
CREATE TABLE statement_reference (
  statement_pk        BIGINT NOT NULL REFERENCES xapi_statement (id) ON DELETE CASCADE,
  target_statement_id UUID   NOT NULL
);
CREATE INDEX statement_reference_target_idx ON statement_reference (target_statement_id);
CREATE INDEX statement_reference_pk_idx ON statement_reference (statement_pk);

-- Attachment payloads, stored once per content hash.
CREATE TABLE attachment (
  sha2         TEXT   PRIMARY KEY,
  content_type TEXT   NOT NULL,
  length       BIGINT NOT NULL,
  contents     BYTEA  NOT NULL
);

-- The canonical definition of every activity seen in statements (Activities resource).
CREATE TABLE activity (
  activity_iri TEXT        PRIMARY KEY,
  definition   JSONB       NOT NULL,
  updated      TIMESTAMPTZ NOT NULL
);

-- Document resources. registration uses NULLS NOT DISTINCT so "no registration" is one key (PostgreSQL 15+).
CREATE TABLE state_document (
  id           BIGSERIAL   PRIMARY KEY,
  activity_iri TEXT        NOT NULL,
  agent_ifi    TEXT        NOT NULL,
  registration UUID,
  state_id     TEXT        NOT NULL,
  content_type TEXT        NOT NULL,
  contents     BYTEA       NOT NULL,
  etag         TEXT        NOT NULL,
  updated      TIMESTAMPTZ NOT NULL,
  CONSTRAINT state_document_key UNIQUE NULLS NOT DISTINCT (activity_iri, agent_ifi, registration, state_id)
);

CREATE TABLE activity_profile_document (
  id           BIGSERIAL   PRIMARY KEY,
  activity_iri TEXT        NOT NULL,
  profile_id   TEXT        NOT NULL,
  content_type TEXT        NOT NULL,
  contents     BYTEA       NOT NULL,
  etag         TEXT        NOT NULL,
  updated      TIMESTAMPTZ NOT NULL,
  CONSTRAINT activity_profile_document_key UNIQUE (activity_iri, profile_id)
);

CREATE TABLE agent_profile_document (
  id           BIGSERIAL   PRIMARY KEY,
  agent_ifi    TEXT        NOT NULL,
  profile_id   TEXT        NOT NULL,
  content_type TEXT        NOT NULL,
  contents     BYTEA       NOT NULL,
  etag         TEXT        NOT NULL,
  updated      TIMESTAMPTZ NOT NULL,
  CONSTRAINT agent_profile_document_key UNIQUE (agent_ifi, profile_id)
);

-- HTTP Basic credentials of the LRS. The secret is stored as a PBKDF2 hash; scopes are xAPI scope names.
CREATE TABLE lrs_credential (
  id          BIGSERIAL   PRIMARY KEY,
  api_key     TEXT        NOT NULL UNIQUE,
  secret_hash TEXT        NOT NULL,
  scopes      TEXT[]      NOT NULL,
  label       TEXT        NOT NULL,
  created     TIMESTAMPTZ NOT NULL,
  revoked_at  TIMESTAMPTZ
);
