-- Gamification (issue 6). Everything in gamification_* is a projection of the LRS's statements (DESIGN.md,
-- decision 1): dropping these rows and rebuilding gives the same totals. learner_profile is account data.

-- What a learner shows on leaderboards: organisation and department (for the per-organisation and per-department
-- tables and the department leagues), a pseudonymous alias (generated, or chosen), whether they opted in to show
-- their name, and whether they left the leaderboards altogether (hidden: others do not see them; their XP still
-- counts, anonymously, in their department's league average).
CREATE TABLE learner_profile (
  learner_id   UUID        PRIMARY KEY REFERENCES learner_account (id) ON DELETE CASCADE,
  organisation TEXT,
  department   TEXT,
  alias        TEXT        NOT NULL UNIQUE,
  show_name    BOOLEAN     NOT NULL DEFAULT FALSE,
  hidden       BOOLEAN     NOT NULL DEFAULT FALSE,
  updated      TIMESTAMPTZ NOT NULL
);
CREATE INDEX learner_profile_org_idx ON learner_profile (organisation, department);

-- Per learner (xAPI agent, by inverse functional identifier): totals and streak as of the statements seen.
-- streak: consecutive working days with study ending at last_active_day; watermark: the highest
-- xapi_statement.id the projection includes (read-your-writes: a reader can tell whether it is behind).
CREATE TABLE gamification_learner (
  learner_ifi     TEXT        PRIMARY KEY,
  learner_id      UUID,
  xp              INT         NOT NULL DEFAULT 0,
  level           INT         NOT NULL DEFAULT 1,
  streak          INT         NOT NULL DEFAULT 0,
  best_streak     INT         NOT NULL DEFAULT 0,
  last_active_day DATE,
  capped_actions  INT         NOT NULL DEFAULT 0,
  statements      INT         NOT NULL DEFAULT 0,
  watermark       BIGINT      NOT NULL DEFAULT 0,
  updated         TIMESTAMPTZ NOT NULL
);
CREATE INDEX gamification_learner_id_idx ON gamification_learner (learner_id);

-- One row per thing earned: XP for an item, a quiz, a scenario tier, a simulation target; or a badge. The key
-- makes every award unique per learner (item:<iri>, quiz:<iri>, scenario:<iri>:<tier>, simulation:<iri>,
-- badge:<id>), so a statement delivered twice or two concurrent deliveries cannot award twice.
-- earned_at: the stored time of the statement that earned it; earned_statement_id: the xAPI "earned" statement
-- of a badge.
CREATE TABLE gamification_award (
  learner_ifi         TEXT        NOT NULL,
  award_key           TEXT        NOT NULL,
  kind                TEXT        NOT NULL,
  xp                  INT         NOT NULL,
  source_statement_id UUID        NOT NULL,
  earned_at           TIMESTAMPTZ NOT NULL,
  earned_statement_id UUID,
  PRIMARY KEY (learner_ifi, award_key)
);
CREATE INDEX gamification_award_earned_idx ON gamification_award (earned_at, learner_ifi);
