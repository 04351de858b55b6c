-- Runs of a simulation by a learner (issue 4: "attempts are recorded"). controls: the settings sent, validated;
-- target_met: whether the server's run of the model met the target in the target week.
CREATE TABLE simulation_run (
  id            UUID        PRIMARY KEY,
  learner_id    UUID        NOT NULL REFERENCES learner_account (id) ON DELETE CASCADE,
  unit_number   INT         NOT NULL,
  simulation_id TEXT        NOT NULL,
  registration  UUID        NOT NULL,
  run_no        INT         NOT NULL,
  controls      JSONB       NOT NULL,
  target_met    BOOLEAN     NOT NULL,
  created       TIMESTAMPTZ NOT NULL,
  CONSTRAINT simulation_run_no UNIQUE (learner_id, unit_number, simulation_id, run_no)
);
