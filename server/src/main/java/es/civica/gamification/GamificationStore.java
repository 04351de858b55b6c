package es.civica.gamification;

import static es.civica.db.generated.Tables.GAMIFICATION_AWARD;
import static es.civica.db.generated.Tables.GAMIFICATION_LEARNER;
import static es.civica.db.generated.Tables.LEARNER_ACCOUNT;
import static es.civica.db.generated.Tables.LEARNER_PROFILE;
import static es.civica.db.generated.Tables.STATEMENT_TO_ACTIVITY;
import static es.civica.db.generated.Tables.STATEMENT_TO_ACTOR;
import static es.civica.db.generated.Tables.XAPI_STATEMENT;

import es.civica.db.generated.Routines;
import es.civica.db.generated.tables.records.GamificationAwardRecord;
import es.civica.db.generated.tables.records.GamificationLearnerRecord;
import es.civica.db.generated.tables.records.LearnerProfileRecord;
import io.vertx.core.json.JsonObject;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import es.civica.xapi.AgentIdentity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The gamification projections and learner profiles in PostgreSQL. Blocking: call through the DatabaseWorker. */
public final class GamificationStore {

  /** What saving an outcome changed: badges newly awarded, badges taken back (with their earned statement). */
  public record Diff(List<RuleEngine.Award> newBadges, List<GamificationAwardRecord> removedBadges) {
  }

  /** On xapi_statement joined with statement_to_actor: a study statement, the agent being its actor. */
  private static Condition studyAsActor() {
    return STATEMENT_TO_ACTOR.USAGE.eq("actor").and(XAPI_STATEMENT.VERB_IRI.in(RuleEngine.STUDY_VERBS));
  }

  /**
   * The storage ids of each learner's study statements that are not voided, ascending: what the learner's projection
   * is a function of (ids only, so that a learner whose earlier statements are already applied costs no payload).
   */
  public Map<String, long[]> statementIds(DSLContext dsl, Collection<String> ifis) {
    Map<String, Long> fromStart = new HashMap<>();
    ifis.forEach(ifi -> fromStart.put(ifi, 0L));
    return statementIdsAfter(dsl, fromStart);
  }

  /**
   * {@link #statementIds}, only those after the given id of each learner. One query for all the learners (from the
   * lowest of their ids, then cut per learner): under load they were all recomputed a moment ago, so the few rows
   * read twice cost less than a query each.
   */
  public Map<String, long[]> statementIdsAfter(DSLContext dsl, Map<String, Long> after) {
    Map<String, List<Long>> lists = new HashMap<>();
    after.keySet().forEach(ifi -> lists.put(ifi, new ArrayList<>()));
    long lowest = after.values().stream().mapToLong(Long::longValue).min().orElse(0);
    dsl.select(STATEMENT_TO_ACTOR.ACTOR_IFI, XAPI_STATEMENT.ID)
        .from(XAPI_STATEMENT).join(STATEMENT_TO_ACTOR).on(STATEMENT_TO_ACTOR.STATEMENT_PK.eq(XAPI_STATEMENT.ID))
        .where(STATEMENT_TO_ACTOR.ACTOR_IFI.eq(DSL.any(after.keySet().toArray(String[]::new)))
            .and(STATEMENT_TO_ACTOR.STATEMENT_PK.gt(lowest)).and(studyAsActor())
            .and(XAPI_STATEMENT.IS_VOIDED.isFalse()))
        .orderBy(XAPI_STATEMENT.ID)
        .fetch().forEach(r -> {
          if (r.value2() > after.get(r.value1())) {
            lists.get(r.value1()).add(r.value2());
          }
        });
    Map<String, long[]> out = new HashMap<>();
    lists.forEach((ifi, ids) -> out.put(ifi, ids.stream().mapToLong(Long::longValue).toArray()));
    return out;
  }

  /**
   * Statements by storage id, cut down to what {@link RuleEngine} reads (id, verb id, stored, object id, result) and
   * the actor. Why not the whole payload: every stored definition and context parsed again was a third of the
   * server's CPU under load.
   */
  public Map<Long, JsonObject> statementsForRules(DSLContext dsl, Collection<Long> ids) {
    Map<Long, JsonObject> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (var r : dsl.select(XAPI_STATEMENT.ID, XAPI_STATEMENT.STATEMENT_ID, XAPI_STATEMENT.VERB_IRI,
            XAPI_STATEMENT.STORED,
            DSL.jsonbGetAttributeAsText(DSL.jsonbGetAttribute(XAPI_STATEMENT.PAYLOAD, "object"), "id"),
            DSL.jsonbGetAttribute(XAPI_STATEMENT.PAYLOAD, "result"), DSL.jsonbGetAttribute(XAPI_STATEMENT.PAYLOAD, "actor"))
        .from(XAPI_STATEMENT).where(XAPI_STATEMENT.ID.in(ids)).fetch()) {
      JsonObject s = new JsonObject()
          .put("id", r.value2().toString())
          .put("verb", new JsonObject().put("id", r.value3()))
          .put("stored", r.value4().toInstant().toString())
          .put("object", new JsonObject().put("id", r.value5()));
      if (r.value6() != null) {
        s.put("result", new JsonObject(r.value6().data()));
      }
      if (r.value7() != null) {
        s.put("actor", new JsonObject(r.value7().data()));
      }
      out.put(r.value1(), s);
    }
    return out;
  }

  /** The highest storage id of the learner's study statements (voided or not), 0 if none. */
  public long latestStatement(DSLContext dsl, String ifi) {
    Long max = dsl.select(org.jooq.impl.DSL.max(XAPI_STATEMENT.ID)).from(XAPI_STATEMENT)
        .join(STATEMENT_TO_ACTOR).on(STATEMENT_TO_ACTOR.STATEMENT_PK.eq(XAPI_STATEMENT.ID))
        .where(STATEMENT_TO_ACTOR.ACTOR_IFI.eq(ifi).and(studyAsActor()))
        .fetchOne(0, Long.class);
    return max == null ? 0 : max;
  }

  /**
   * The agents (by IFI) who are the actor of the given statements (used to follow voiding), read from the
   * statements themselves through the unique statement id index.
   */
  public Set<String> actorsOf(DSLContext dsl, Set<UUID> statementIds) {
    Set<String> out = new LinkedHashSet<>();
    dsl.select(DSL.jsonbGetAttribute(XAPI_STATEMENT.PAYLOAD, "actor")).from(XAPI_STATEMENT)
        .where(XAPI_STATEMENT.STATEMENT_ID.in(statementIds))
        .fetch(r -> r.value1()).forEach(actor -> ifiOf(actor).ifPresent(out::add));
    return out;
  }

  private static Optional<String> ifiOf(org.jooq.JSONB actor) {
    return actor == null ? Optional.empty() : AgentIdentity.ifi(new JsonObject(actor.data()));
  }

  /**
   * Learners whose projection may be behind the LRS (after a restart: the event bus is not durable): the actor of
   * any study statement stored after their projection's watermark (or with no projection yet), and the actor of any
   * statement voided after it. Scans the statements stored after the lowest watermark, by primary key.
   */
  public Set<String> behind(DSLContext dsl) {
    Map<String, Long> watermarks = new HashMap<>();
    dsl.select(GAMIFICATION_LEARNER.LEARNER_IFI, GAMIFICATION_LEARNER.WATERMARK).from(GAMIFICATION_LEARNER)
        .fetch().forEach(r -> watermarks.put(r.value1(), r.value2()));
    long low = watermarks.values().stream().filter(w -> w > 0).mapToLong(Long::longValue).min().orElse(0L);
    Set<String> out = new LinkedHashSet<>();
    Set<UUID> voided = new LinkedHashSet<>();
    dsl.select(XAPI_STATEMENT.ID, XAPI_STATEMENT.VOIDS_STATEMENT_ID, DSL.jsonbGetAttribute(XAPI_STATEMENT.PAYLOAD, "actor"))
        .from(XAPI_STATEMENT)
        .where(XAPI_STATEMENT.ID.gt(low).and(XAPI_STATEMENT.VERB_IRI.in(RuleEngine.STUDY_VERBS)
            .or(XAPI_STATEMENT.VOIDS_STATEMENT_ID.isNotNull())))
        .fetch().forEach(r -> {
          if (r.value2() != null) {
            voided.add(r.value2());
          } else {
            ifiOf(r.value3()).filter(ifi -> r.value1() > watermarks.getOrDefault(ifi, 0L)).ifPresent(out::add);
          }
        });
    if (!voided.isEmpty()) {
      out.addAll(actorsOf(dsl, voided));
    }
    return out;
  }

  /** Every agent who is the actor of a study statement. */
  public List<String> allLearners(DSLContext dsl) {
    return dsl.selectDistinct(STATEMENT_TO_ACTOR.ACTOR_IFI).from(STATEMENT_TO_ACTOR)
        .join(XAPI_STATEMENT).on(XAPI_STATEMENT.ID.eq(STATEMENT_TO_ACTOR.STATEMENT_PK))
        .where(studyAsActor())
        .orderBy(STATEMENT_TO_ACTOR.ACTOR_IFI).fetch(STATEMENT_TO_ACTOR.ACTOR_IFI);
  }

  /** The account of an LMS learner (V30: agent_home_page + agent_name) for their statements' actor, if any. */
  public Optional<UUID> lmsLearner(DSLContext dsl, JsonObject actor) {
    JsonObject account = actor == null ? null : actor.getJsonObject("account");
    if (account == null || account.getString("homePage") == null || account.getString("name") == null) {
      return Optional.empty();
    }
    return dsl.select(LEARNER_ACCOUNT.ID).from(LEARNER_ACCOUNT)
        .where(LEARNER_ACCOUNT.AGENT_HOME_PAGE.eq(account.getString("homePage"))
            .and(LEARNER_ACCOUNT.AGENT_NAME.eq(account.getString("name"))))
        .fetchOptional(LEARNER_ACCOUNT.ID);
  }

  /**
   * Lets this transaction commit without waiting for its WAL flush. Why it is safe: a projection is derived from the
   * LRS's (durably committed) statements, and a projection lost in a crash is one whose watermark is behind the LRS,
   * which {@link GamificationProjector#catchUp()} recomputes at the next start. Why it matters: the projector commits
   * once per learner touched, so a batch of 100 statements cost up to 100 synchronous flushes, more than the batch's
   * own.
   */
  public void commitWithoutFlushWait(DSLContext dsl) {
    dsl.execute("SET LOCAL synchronous_commit TO OFF");
  }

  /**
   * The projection rows of these learners, created when missing, locked for this transaction (so that no other
   * server instance recomputes them at the same time), in key order so that two batches cannot deadlock.
   */
  public Map<String, GamificationLearnerRecord> lock(DSLContext dsl, Map<String, UUID> learnerIds) {
    List<String> ifis = new ArrayList<>(learnerIds.keySet());
    Collections.sort(ifis);
    var insert = dsl.insertInto(GAMIFICATION_LEARNER, GAMIFICATION_LEARNER.LEARNER_IFI, GAMIFICATION_LEARNER.LEARNER_ID,
        GAMIFICATION_LEARNER.UPDATED);
    OffsetDateTime now = now();
    for (String ifi : ifis) {
      insert = insert.values(ifi, learnerIds.get(ifi), now);
    }
    insert.onConflictDoNothing().execute();
    Map<String, GamificationLearnerRecord> out = new LinkedHashMap<>();
    dsl.selectFrom(GAMIFICATION_LEARNER).where(GAMIFICATION_LEARNER.LEARNER_IFI.in(ifis))
        .orderBy(GAMIFICATION_LEARNER.LEARNER_IFI).forUpdate().fetch().forEach(r -> out.put(r.getLearnerIfi(), r));
    return out;
  }

  /** The award rows of these learners, by learner and award key. */
  public Map<String, Map<String, GamificationAwardRecord>> awardsByKey(DSLContext dsl, Collection<String> ifis) {
    Map<String, Map<String, GamificationAwardRecord>> out = new HashMap<>();
    ifis.forEach(ifi -> out.put(ifi, new HashMap<>()));
    dsl.selectFrom(GAMIFICATION_AWARD).where(GAMIFICATION_AWARD.LEARNER_IFI.in(ifis)).fetch()
        .forEach(r -> out.get(r.getLearnerIfi()).put(r.getAwardKey(), r));
    return out;
  }

  /** Row changes gathered over several learners, written with one JDBC batch per kind. */
  public static final class Changes {
    final List<GamificationLearnerRecord> learners = new ArrayList<>();
    final List<GamificationAwardRecord> inserted = new ArrayList<>();
    final List<GamificationAwardRecord> updated = new ArrayList<>();
    final List<GamificationAwardRecord> deleted = new ArrayList<>();
  }

  /**
   * Brings one learner's rows to an outcome: the learner row, and the award rows to exactly the outcome's set
   * ({@code existing}: the learner's award rows, read under the lock). The writes are gathered in {@code changes}.
   */
  public Diff save(DSLContext dsl, GamificationLearnerRecord row, RuleEngine.Outcome outcome, long watermark,
                   Map<String, GamificationAwardRecord> existing, Changes changes) {
    String ifi = row.getLearnerIfi();
    row.setXp(outcome.xp());
    row.setLevel(outcome.level().number());
    row.setStreak(outcome.streak());
    row.setBestStreak(outcome.bestStreak());
    row.setLastActiveDay(outcome.lastActiveDay());
    row.setCappedActions(outcome.cappedActions());
    row.setStatements(outcome.statements());
    row.setWatermark(Math.max(watermark, row.getWatermark()));
    row.setUpdated(now());
    changes.learners.add(row);

    Map<String, GamificationAwardRecord> left = new HashMap<>(existing);
    List<RuleEngine.Award> newBadges = new ArrayList<>();
    for (RuleEngine.Award a : outcome.awards()) {
      GamificationAwardRecord r = left.remove(a.key());
      OffsetDateTime at = OffsetDateTime.ofInstant(a.earnedAt(), ZoneOffset.UTC);
      if (r == null) {
        GamificationAwardRecord fresh = dsl.newRecord(GAMIFICATION_AWARD);
        fresh.setLearnerIfi(ifi);
        fresh.setAwardKey(a.key());
        fresh.setKind(a.kind().name().toLowerCase());
        fresh.setXp(a.xp());
        fresh.setSourceStatementId(a.source());
        fresh.setEarnedAt(at);
        changes.inserted.add(fresh);
        if (a.kind() == RuleEngine.Kind.BADGE) {
          newBadges.add(a);
        }
      } else if (r.getXp() != a.xp() || !r.getSourceStatementId().equals(a.source())
          || !r.getEarnedAt().toInstant().equals(a.earnedAt())) {
        r.setXp(a.xp());
        r.setSourceStatementId(a.source());
        r.setEarnedAt(at);
        changes.updated.add(r);
      }
    }
    List<GamificationAwardRecord> removedBadges = new ArrayList<>();
    for (GamificationAwardRecord gone : left.values()) {
      changes.deleted.add(gone);
      if ("badge".equals(gone.getKind())) {
        removedBadges.add(gone);
      }
    }
    return new Diff(newBadges, removedBadges);
  }

  /**
   * Writes what {@link #save} gathered. Award keys are unique per learner and the learners are locked. The learner
   * rows and new awards (one of each per statement under load) go as one statement bound once per row: jOOQ's
   * record batches render a query per record, which cost more CPU than the rules themselves.
   */
  public void apply(DSLContext dsl, Changes changes) {
    if (!changes.learners.isEmpty()) {
      var l = GAMIFICATION_LEARNER;
      BatchBindStep rows = dsl.batch(dsl.update(l)
          .set(l.LEARNER_ID, (UUID) null).set(l.XP, (Integer) null).set(l.LEVEL, (Integer) null)
          .set(l.STREAK, (Integer) null).set(l.BEST_STREAK, (Integer) null).set(l.LAST_ACTIVE_DAY, (LocalDate) null)
          .set(l.CAPPED_ACTIONS, (Integer) null).set(l.STATEMENTS, (Integer) null).set(l.WATERMARK, (Long) null)
          .set(l.UPDATED, (OffsetDateTime) null)
          .where(l.LEARNER_IFI.eq((String) null)));
      for (GamificationLearnerRecord r : changes.learners) {
        rows = rows.bind(r.getLearnerId(), r.getXp(), r.getLevel(), r.getStreak(), r.getBestStreak(),
            r.getLastActiveDay(), r.getCappedActions(), r.getStatements(), r.getWatermark(), r.getUpdated(),
            r.getLearnerIfi());
      }
      rows.execute();
    }
    if (!changes.deleted.isEmpty()) {
      dsl.batchDelete(changes.deleted).execute();
    }
    if (!changes.updated.isEmpty()) {
      dsl.batchUpdate(changes.updated).execute();
    }
    if (!changes.inserted.isEmpty()) {
      var a = GAMIFICATION_AWARD;
      BatchBindStep rows = dsl.batch(dsl.insertInto(a, a.LEARNER_IFI, a.AWARD_KEY, a.KIND, a.XP,
          a.SOURCE_STATEMENT_ID, a.EARNED_AT).values((String) null, null, null, null, null, null));
      for (GamificationAwardRecord r : changes.inserted) {
        rows = rows.bind(r.getLearnerIfi(), r.getAwardKey(), r.getKind(), r.getXp(), r.getSourceStatementId(),
            r.getEarnedAt());
      }
      rows.execute();
    }
  }

  public void linkEarnedStatement(DSLContext dsl, String ifi, String key, UUID statementId) {
    dsl.update(GAMIFICATION_AWARD).set(GAMIFICATION_AWARD.EARNED_STATEMENT_ID, statementId)
        .where(GAMIFICATION_AWARD.LEARNER_IFI.eq(ifi).and(GAMIFICATION_AWARD.AWARD_KEY.eq(key))).execute();
  }

  /** The id of a non-voided statement by {@code ifi} with {@code verb} about {@code activity}, if any. */
  public Optional<UUID> findStatement(DSLContext dsl, String ifi, String verb, String activity) {
    var actor = STATEMENT_TO_ACTOR.as("ac");
    var object = STATEMENT_TO_ACTIVITY.as("ob");
    return dsl.select(XAPI_STATEMENT.STATEMENT_ID).from(XAPI_STATEMENT)
        .join(actor).on(actor.STATEMENT_PK.eq(XAPI_STATEMENT.ID))
        .join(object).on(object.STATEMENT_PK.eq(XAPI_STATEMENT.ID))
        .where(XAPI_STATEMENT.VERB_IRI.eq(verb).and(XAPI_STATEMENT.IS_VOIDED.isFalse())
            .and(actor.ACTOR_IFI.eq(ifi)).and(actor.USAGE.eq("actor"))
            .and(object.ACTIVITY_IRI.eq(activity)).and(object.USAGE.eq("object")))
        .orderBy(XAPI_STATEMENT.ID).limit(1).fetchOptional(XAPI_STATEMENT.STATEMENT_ID);
  }

  /** Badge awards that have their "earned" statement in the LRS. */
  public List<GamificationAwardRecord> announcedBadges(DSLContext dsl) {
    return dsl.selectFrom(GAMIFICATION_AWARD).where(GAMIFICATION_AWARD.KIND.eq("badge")
        .and(GAMIFICATION_AWARD.EARNED_STATEMENT_ID.isNotNull())).fetch();
  }

  /** Whether the learner holds that award now. */
  public boolean holds(DSLContext dsl, String ifi, String key) {
    return dsl.fetchExists(GAMIFICATION_AWARD, GAMIFICATION_AWARD.LEARNER_IFI.eq(ifi)
        .and(GAMIFICATION_AWARD.AWARD_KEY.eq(key)));
  }

  /** Drops every projection row (the rebuild then recomputes them from the statements). */
  public void clear(DSLContext dsl) {
    dsl.deleteFrom(GAMIFICATION_AWARD).execute();
    dsl.deleteFrom(GAMIFICATION_LEARNER).execute();
  }

  public Optional<GamificationLearnerRecord> learner(DSLContext dsl, String ifi) {
    return dsl.selectFrom(GAMIFICATION_LEARNER).where(GAMIFICATION_LEARNER.LEARNER_IFI.eq(ifi)).fetchOptional();
  }

  public List<GamificationAwardRecord> awards(DSLContext dsl, String ifi) {
    return dsl.selectFrom(GAMIFICATION_AWARD).where(GAMIFICATION_AWARD.LEARNER_IFI.eq(ifi))
        .orderBy(GAMIFICATION_AWARD.EARNED_AT, GAMIFICATION_AWARD.AWARD_KEY).fetch();
  }

  /** Every learner row and award row, in key order: what the replay test compares. */
  public List<String> snapshot(DSLContext dsl) {
    List<String> out = new ArrayList<>();
    dsl.selectFrom(GAMIFICATION_LEARNER).orderBy(GAMIFICATION_LEARNER.LEARNER_IFI).fetch().forEach(r ->
        out.add(String.join("|", r.getLearnerIfi(), String.valueOf(r.getLearnerId()), "xp=" + r.getXp(),
            "level=" + r.getLevel(), "streak=" + r.getStreak(), "best=" + r.getBestStreak(),
            String.valueOf(r.getLastActiveDay()), "capped=" + r.getCappedActions(), "n=" + r.getStatements())));
    dsl.selectFrom(GAMIFICATION_AWARD).orderBy(GAMIFICATION_AWARD.LEARNER_IFI, GAMIFICATION_AWARD.AWARD_KEY).fetch()
        .forEach(r -> out.add(String.join("|", r.getLearnerIfi(), r.getAwardKey(), r.getKind(), "xp=" + r.getXp(),
            r.getSourceStatementId().toString(), r.getEarnedAt().toInstant().toString(),
            Objects.toString(r.getEarnedStatementId()))));
    return out;
  }

  // ---- profiles

  public Optional<LearnerProfileRecord> profile(DSLContext dsl, UUID learner) {
    return dsl.selectFrom(LEARNER_PROFILE).where(LEARNER_PROFILE.LEARNER_ID.eq(learner)).fetchOptional();
  }

  /** The learner's profile, created with a fresh unique alias on first use. */
  public LearnerProfileRecord ensureProfile(DSLContext dsl, UUID learner) {
    return ensureProfile(dsl, learner, null);
  }

  /**
   * The learner's profile; created on first use with a fresh unique alias and {@code organisation} (an LMS
   * learner's: the name of their registration's organisation). An existing profile is left as it is.
   */
  public LearnerProfileRecord ensureProfile(DSLContext dsl, UUID learner, String organisation) {
    Optional<LearnerProfileRecord> found = profile(dsl, learner);
    if (found.isPresent()) {
      return found.get();
    }
    for (int attempt = 0; attempt < 20; attempt++) {
      int inserted = dsl.insertInto(LEARNER_PROFILE).set(LEARNER_PROFILE.LEARNER_ID, learner)
          .set(LEARNER_PROFILE.ALIAS, Aliases.random()).set(LEARNER_PROFILE.ORGANISATION, organisation)
          .set(LEARNER_PROFILE.UPDATED, now())
          .onConflictDoNothing().execute();
      if (inserted == 1 || profile(dsl, learner).isPresent()) {
        return profile(dsl, learner).orElseThrow();
      }
    }
    throw new IllegalStateException("could not find a free alias");
  }

  /** Updates the fields given (null: unchanged); empty when the alias asked for belongs to someone else. */
  public Optional<LearnerProfileRecord> updateProfile(DSLContext dsl, UUID learner, String organisation,
                                                      String department, Boolean showName, Boolean hidden,
                                                      String alias) {
    LearnerProfileRecord r = ensureProfile(dsl, learner);
    if (alias != null && !alias.equals(r.getAlias())) {
      boolean taken = dsl.fetchExists(LEARNER_PROFILE, LEARNER_PROFILE.ALIAS.eq(alias)
          .and(LEARNER_PROFILE.LEARNER_ID.ne(learner)));
      if (taken) {
        return Optional.empty();
      }
      r.setAlias(alias);
    }
    if (hidden != null) {
      r.setHidden(hidden);
    }
    if (organisation != null) {
      r.setOrganisation(organisation.isBlank() ? null : organisation.strip());
    }
    if (department != null) {
      r.setDepartment(department.isBlank() ? null : department.strip());
    }
    if (showName != null) {
      r.setShowName(showName);
    }
    r.setUpdated(now());
    r.store();
    return Optional.of(r);
  }

  /** One leaderboard row before ranking: who, where (the organisation key, see below), and the XP in the period. */
  public record Standing(String ifi, UUID learnerId, String displayName, String alias, boolean showName,
                         boolean hidden, String organisation, String department, int xp) {
  }

  /**
   * The organisation a learner's leaderboards and leagues group by: their directory organisation by the one rule
   * (V52: {@code directory_organisation}: profile naming a directory organisation, e-mail domain, LMS
   * registration), else the free text of their profile (teams the directory does not know yet), else null.
   */
  private static Field<String> organisationKey(Field<UUID> learner, Field<String> email, Field<String> profile) {
    return DSL.coalesce(Routines.directoryOrganisation(learner, email), profile);
  }

  /** The organisation key of one learner (see {@link #organisationKey}). */
  public String organisationKey(DSLContext dsl, UUID learner, String profileOrganisation) {
    return dsl.select(organisationKey(DSL.val(learner), DSL.val((String) null), DSL.val(profileOrganisation)))
        .fetchOne().value1();
  }

  /**
   * XP per learner with a profile, earned since {@code since} (all time when null), optionally only in one
   * organisation (by its key) and department. Learners with no XP in the period are left out.
   */
  public List<Standing> standings(DSLContext dsl, OffsetDateTime since, String organisation, String department) {
    var sum = DSL.sum(GAMIFICATION_AWARD.XP).cast(Integer.class).as("xp");
    var condition = GAMIFICATION_AWARD.XP.gt(0);
    if (since != null) {
      condition = condition.and(GAMIFICATION_AWARD.EARNED_AT.ge(since));
    }
    // XP per learner first, so the organisation rule runs once per learner, not once per award
    var perLearner = DSL.select(GAMIFICATION_AWARD.LEARNER_IFI, sum).from(GAMIFICATION_AWARD).where(condition)
        .groupBy(GAMIFICATION_AWARD.LEARNER_IFI).asTable("per_learner");
    Field<String> ifi = perLearner.field(GAMIFICATION_AWARD.LEARNER_IFI);
    Field<Integer> xp = perLearner.field(sum);
    Field<String> key = organisationKey(LEARNER_ACCOUNT.ID, LEARNER_ACCOUNT.EMAIL, LEARNER_PROFILE.ORGANISATION);
    Condition where = DSL.trueCondition();
    if (organisation != null) {
      where = where.and(key.eq(organisation));
    }
    if (department != null) {
      where = where.and(LEARNER_PROFILE.DEPARTMENT.eq(department));
    }
    return dsl.select(GAMIFICATION_LEARNER.LEARNER_IFI, GAMIFICATION_LEARNER.LEARNER_ID, LEARNER_ACCOUNT.DISPLAY_NAME,
            LEARNER_PROFILE.ALIAS, LEARNER_PROFILE.SHOW_NAME, LEARNER_PROFILE.HIDDEN, key,
            LEARNER_PROFILE.DEPARTMENT, xp)
        .from(perLearner)
        .join(GAMIFICATION_LEARNER).on(GAMIFICATION_LEARNER.LEARNER_IFI.eq(ifi))
        .join(LEARNER_ACCOUNT).on(LEARNER_ACCOUNT.ID.eq(GAMIFICATION_LEARNER.LEARNER_ID))
        .join(LEARNER_PROFILE).on(LEARNER_PROFILE.LEARNER_ID.eq(GAMIFICATION_LEARNER.LEARNER_ID))
        .where(where)
        .fetch(r -> new Standing(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
            r.value8(), r.value9() == null ? 0 : r.value9()));
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
