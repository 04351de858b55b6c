-- Certificates (issue 7). A certificate is issued once a learner has passed all five units (the player's
-- server-scored `passed` statements); the record keeps everything the certificate states, so /verify/{id} rebuilds
-- it from here (an edited PDF cannot pass), plus the exact PDF issued and its SHA-256 fingerprint.

-- id: 128 random bits, base32 lowercase without padding (26 characters). units: [{"number", "title",
-- "passedOn", "scaledScore", "statementId"}] in course order. organisation: the holder's organisation as far as
-- we know it (the domain of their e-mail), for HR desks. status: active or revoked (expiry is computed from
-- expires_on). replaces_id: the certificate a renewal replaces.
CREATE TABLE certificate (
  id                TEXT        PRIMARY KEY,
  learner_id        UUID        NOT NULL,
  holder_name       TEXT        NOT NULL,
  holder_email      TEXT,
  organisation      TEXT,
  course_iri        TEXT        NOT NULL,
  course_title      TEXT        NOT NULL,
  hours             INT         NOT NULL,
  units             JSONB       NOT NULL,
  issuer_name       TEXT        NOT NULL,
  issuer_url        TEXT        NOT NULL,
  issuer_id         TEXT        NOT NULL,
  issued_on         DATE        NOT NULL,
  expires_on        DATE,
  issued_at         TIMESTAMPTZ NOT NULL,
  replaces_id       TEXT        REFERENCES certificate (id),
  sha256            TEXT        NOT NULL,
  pdf               BYTEA       NOT NULL,
  credential        TEXT        NOT NULL,
  qr_url            TEXT        NOT NULL,
  statement_id      UUID,
  status            TEXT        NOT NULL,
  revoked_at        TIMESTAMPTZ,
  revocation_reason TEXT,
  revoked_by        TEXT
);
-- The automatic certificate is issued once per learner and course, whatever the number of times the evidence is
-- delivered: renewals (replaces_id set) are the only further ones.
CREATE UNIQUE INDEX certificate_first_per_learner ON certificate (learner_id, course_iri) WHERE replaces_id IS NULL;
CREATE UNIQUE INDEX certificate_one_renewal ON certificate (replaces_id) WHERE replaces_id IS NOT NULL;
CREATE INDEX certificate_learner_idx ON certificate (learner_id, issued_at);
CREATE INDEX certificate_organisation_idx ON certificate (organisation, issued_at);

-- Who did what to which certificate, when: issued, renewed, revoked (by the system or an admin).
CREATE TABLE certificate_audit (
  id             BIGSERIAL   PRIMARY KEY,
  at             TIMESTAMPTZ NOT NULL,
  actor          TEXT        NOT NULL,
  action         TEXT        NOT NULL,
  certificate_id TEXT        NOT NULL,
  details        JSONB       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX certificate_audit_certificate_idx ON certificate_audit (certificate_id, id);
