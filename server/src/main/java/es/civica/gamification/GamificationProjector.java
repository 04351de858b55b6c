package es.civica.gamification;

import es.civica.EventAddresses;
import es.civica.content.Course;
import es.civica.content.GamificationRules;
import es.civica.db.Chunks;
import es.civica.db.DatabaseWorker;
import es.civica.db.generated.tables.records.GamificationAwardRecord;
import es.civica.xapi.AgentIdentity;
import es.civica.xapi.XapiVersion;
import es.civica.xapi.auth.Credential;
import es.civica.xapi.statement.StatementService;
import es.civica.xapi.statement.StatementValidator;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the gamification projections up to date from the LRS's feed ({@code lrs.statement.stored}).
 *
 * <p>Incremental path: a stored batch marks the learners it concerns (the actor of each study statement; for a
 * voiding statement, the actor of the voided one). Each such learner is recomputed by {@link RuleEngine} from
 * their statements, under a lock on their projection row, and the award rows are brought to exactly the result:
 * new awards inserted (unique per learner and key), awards no longer earned (voided statements) deleted. Work on one
 * learner never runs twice at once here (further requests coalesce into one more run), and the row lock keeps
 * other server instances out. {@link #rebuild()} drops the projections and recomputes every learner with the same
 * function, so a replay gives exactly the incremental totals.
 *
 * <p>Every badge awarded becomes an xAPI statement, verb {@value #EARNED} with the badge as activity (type
 * {@value #BADGE_TYPE}), stored through {@link StatementService} with the gamification credential; a badge taken
 * back has its statement voided. Those statements carry no study verb, so they never bring the engine back here.
 */
public final class GamificationProjector {
  private static final Logger LOG = LoggerFactory.getLogger(GamificationProjector.class);
  /** "Earned" from the DoD ISD xAPI profile (the ADL registry has no "earned" verb of its own). */
  public static final String EARNED = "https://w3id.org/xapi/dod-isd/verbs/earned";
  public static final String BADGE_TYPE = "https://civica.app/xapi/activity-types/badge";
  public static final String BADGES = "https://civica.app/xapi/activities/badge/";

  private final Vertx vertx;
  private final DatabaseWorker db;
  private final GamificationStore store;
  private final RuleEngine engine;
  private final Course course;
  private final StatementService statements;
  private final Credential credential;
  private final String homePage;
  /** Learners recomputed in one transaction at most (a stored batch of 100 statements touches up to 100). */
  static final int CHUNK = 100;
  static final long GATHER_MILLIS = 200;
  private final Map<String, Reasons> gathering = new LinkedHashMap<>();
  private boolean gatherScheduled;
  private final Map<String, Slot> slots = new HashMap<>();
  /** Learners whose progress is kept between recomputes (a few KB each: their awards and statement ids). */
  static final int PROGRESS_KEPT = 4000;
  private final LearnerProgressCache progress = new LearnerProgressCache(PROGRESS_KEPT);
  private final LagRecorder lag = new LagRecorder();
  private MessageConsumer<JsonObject> consumer;

  /**
   * With the embedded database, a learner whose new statements all came through the event bus is brought up to date
   * by reading only their statements stored after the last one applied (see {@link Reasons}); otherwise (an external
   * database, which other servers also write) every recompute reads all the learner's statement ids.
   */
  private final boolean announcedReads;

  /** Per learner: whether a recompute runs, and what waits for the next one. */
  private static final class Slot {
    boolean running;
    List<Promise<Void>> waiting = new ArrayList<>();
    Reasons pending = new Reasons();
    boolean again;
  }

  /**
   * Why a learner is to be recomputed: the storage ids and stored times of the new statements the event bus announced
   * (the times for the lag), or {@code unannounced} when that is not known (a refresh, a voided statement, a message
   * without storage ids). A recompute reads only the statements after the last one applied when every announced id
   * is after it or already applied: one committed late, with a lower id than one already applied, or a voided one,
   * makes it read all the learner's statement ids and, their prefix having changed, replay them.
   */
  private static final class Reasons {
    final List<Instant> stored = new ArrayList<>();
    final List<Long> storageIds = new ArrayList<>();
    boolean unannounced;

    static Reasons unannounced(List<Instant> stored) {
      Reasons r = new Reasons();
      r.stored.addAll(stored);
      r.unannounced = true;
      return r;
    }

    void add(Reasons other) {
      stored.addAll(other.stored);
      storageIds.addAll(other.storageIds);
      unannounced |= other.unannounced;
    }

    /** Whether reading the statements after {@code known}'s last one finds everything announced. */
    boolean allAfterOrIn(long[] known) {
      if (unannounced) {
        return false;
      }
      long last = known.length == 0 ? 0 : known[known.length - 1];
      for (long id : storageIds) {
        if (id <= last && Arrays.binarySearch(known, id) < 0) {
          return false;
        }
      }
      return true;
    }
  }

  public GamificationProjector(Vertx vertx, DatabaseWorker db, GamificationStore store, Course course,
                               GamificationRules rules, StatementService statements, Credential credential,
                               String homePage) {
    this.vertx = vertx;
    this.db = db;
    this.store = store;
    this.course = course;
    this.engine = new RuleEngine(course, rules);
    this.statements = statements;
    this.credential = credential;
    this.homePage = homePage;
    this.announcedReads = db.database().embedded();
  }

  public RuleEngine engine() {
    return engine;
  }

  public LagRecorder lag() {
    return lag;
  }

  /**
   * Subscribes to the LRS feed, then catches up with what was stored while no projector listened (the event bus is
   * not durable: a restart between a commit and its message would otherwise leave a learner behind until a rebuild).
   */
  public GamificationProjector start() {
    consumer = vertx.eventBus().consumer(EventAddresses.LRS_STATEMENT_STORED, m -> stored(m.body()));
    catchUp();
    return this;
  }

  /** Recomputes every learner whose projection is behind the LRS; completes with how many. */
  public Future<Integer> catchUp() {
    return db.query(store::behind).compose(learners -> {
      if (!learners.isEmpty()) {
        LOG.info("Gamification: catching up with {} learner(s)", learners.size());
      }
      return refresh(new ArrayList<>(learners)).map(v -> learners.size());
    }).onFailure(e -> LOG.error("Gamification catch-up failed", e));
  }

  private void stored(JsonObject message) {
    Map<String, Reasons> touched = new LinkedHashMap<>();
    Set<UUID> voided = new LinkedHashSet<>();
    List<Instant> voidingTimes = new ArrayList<>();
    JsonArray list = message.getJsonArray("statements", new JsonArray());
    JsonArray storageIds = message.getJsonArray("storageIds");
    boolean announced = storageIds != null && storageIds.size() == list.size();
    for (int i = 0; i < list.size(); i++) {
      JsonObject s = list.getJsonObject(i);
      String verb = s.getJsonObject("verb", new JsonObject()).getString("id", "");
      Instant stored = OffsetDateTime.parse(s.getString("stored")).toInstant();
      if (StatementValidator.VOIDED_VERB.equals(verb)) {
        voided.add(UUID.fromString(s.getJsonObject("object").getString("id")));
        voidingTimes.add(stored);
      } else if (RuleEngine.relevant(verb)) {
        Long storageId = announced ? storageIds.getLong(i) : null;
        for (String ifi : actorIfis(s.getJsonObject("actor", new JsonObject()))) {
          Reasons r = touched.computeIfAbsent(ifi, k -> new Reasons());
          r.stored.add(stored);
          if (storageId == null) {
            r.unannounced = true;
          } else {
            r.storageIds.add(storageId);
          }
        }
      }
    }
    gather(touched);
    if (!voided.isEmpty()) {
      db.query(dsl -> store.actorsOf(dsl, voided))
          .onSuccess(actors -> {
            Map<String, Reasons> followed = new LinkedHashMap<>();
            actors.forEach(ifi -> followed.put(ifi, Reasons.unannounced(voidingTimes)));
            gather(followed);
          })
          .onFailure(e -> LOG.error("Could not follow voided statements {}", voided, e));
    }
  }

  /** The learners a statement's actor stands for, as the LRS indexes them: the agent, or a group and its members. */
  private static List<String> actorIfis(JsonObject actor) {
    List<String> ifis = new ArrayList<>(1);
    AgentIdentity.ifi(actor).ifPresent(ifis::add);
    if (actor.getValue("member") instanceof JsonArray members) {
      for (Object m : members) {
        if (m instanceof JsonObject member) {
          AgentIdentity.ifi(member).ifPresent(ifis::add);
        }
      }
    }
    return ifis;
  }

  /**
   * Learners named by stored statements wait up to {@value #GATHER_MILLIS} ms, then are recomputed together, up to
   * {@value #CHUNK} per transaction. Why: one transaction for the learners of many requests instead of one per learner
   * and request, and a learner sending several requests in that time (a burst of answers) is recomputed once. Short
   * enough for the projection lag target (p99 under 1 s); readers lose nothing anyway, since
   * {@link GamificationService} brings a learner up to date before answering them.
   */
  private synchronized void gather(Map<String, Reasons> learners) {
    learners.forEach((ifi, reasons) -> gathering.computeIfAbsent(ifi, k -> new Reasons()).add(reasons));
    if (!gatherScheduled && !gathering.isEmpty()) {
      gatherScheduled = true;
      vertx.setTimer(GATHER_MILLIS, t -> flushGathered());
    }
  }

  private synchronized void flushGathered() {
    gatherScheduled = false;
    for (List<String> ifis : Chunks.of(new ArrayList<>(gathering.keySet()), CHUNK)) {
      Map<String, Reasons> chunk = new LinkedHashMap<>();
      ifis.forEach(ifi -> chunk.put(ifi, gathering.get(ifi)));
      request(chunk, Map.of());
    }
    gathering.clear();
  }

  /** Recomputes one learner now (or right after the run in progress); completes once that is committed. */
  public Future<Void> refresh(String ifi) {
    return refresh(List.of(ifi));
  }

  /** Recomputes these learners, up to {@value #CHUNK} per transaction; completes once all are committed. */
  public Future<Void> refresh(List<String> ifis) {
    Future<Void> chain = Future.succeededFuture();
    for (List<String> chunk : Chunks.of(ifis, CHUNK)) {
      chain = chain.compose(v -> {
        Map<String, Reasons> learners = new LinkedHashMap<>();
        Map<String, Promise<Void>> done = new HashMap<>();
        List<Future<Void>> all = new ArrayList<>();
        for (String ifi : chunk) {
          learners.put(ifi, Reasons.unannounced(List.of()));
          Promise<Void> p = Promise.promise();
          done.put(ifi, p);
          all.add(p.future());
        }
        request(learners, done);
        return Future.all(all).mapEmpty();
      });
    }
    return chain;
  }

  /**
   * Asks for these learners to be recomputed: those not being recomputed now run together, in one transaction;
   * the others are marked to run again once their current run ends (so their new statements are not missed).
   */
  private synchronized void request(Map<String, Reasons> learners, Map<String, Promise<Void>> waiters) {
    List<String> ready = new ArrayList<>();
    learners.forEach((ifi, reasons) -> {
      Slot slot = slots.computeIfAbsent(ifi, k -> new Slot());
      slot.pending.add(reasons);
      if (waiters.containsKey(ifi)) {
        slot.waiting.add(waiters.get(ifi));
      }
      if (slot.running) {
        slot.again = true;
      } else {
        ready.add(ifi);
      }
    });
    if (!ready.isEmpty()) {
      run(ready);
    }
  }

  private synchronized void run(List<String> ifis) {
    List<Promise<Void>> waiters = new ArrayList<>();
    List<Instant> pending = new ArrayList<>();
    Map<String, Reasons> reasons = new HashMap<>();
    for (String ifi : ifis) {
      Slot slot = slots.get(ifi);
      slot.running = true;
      slot.again = false;
      waiters.addAll(slot.waiting);
      pending.addAll(slot.pending.stored);
      reasons.put(ifi, slot.pending);
      slot.waiting = new ArrayList<>();
      slot.pending = new Reasons();
    }
    recomputeEach(ifis, reasons).onComplete(r -> {
      if (r.failed()) {
        LOG.error("Gamification projection of {} failed", ifis, r.cause());
      } else {
        Instant now = Instant.now();
        pending.forEach(t -> lag.record(now.toEpochMilli() - t.toEpochMilli()));
      }
      waiters.forEach(w -> w.handle(r.mapEmpty()));
      finished(ifis);
    });
  }

  private synchronized void finished(List<String> ifis) {
    List<String> again = new ArrayList<>();
    for (String ifi : ifis) {
      Slot slot = slots.get(ifi);
      slot.running = false;
      if (slot.again || !slot.waiting.isEmpty() || !slot.pending.stored.isEmpty() || slot.pending.unannounced) {
        again.add(ifi);
      } else {
        slots.remove(ifi);
      }
    }
    if (!again.isEmpty()) {
      run(again);
    }
  }

  /**
   * Recomputes the learners together; should that fail (one learner's rows in an unexpected state), each again on
   * its own, so that one learner cannot hold the others back.
   */
  private Future<Void> recomputeEach(List<String> ifis, Map<String, Reasons> reasons) {
    Future<Void> together = recompute(ifis, reasons);
    if (ifis.size() == 1) {
      return together;
    }
    return together.recover(e -> {
      LOG.warn("Gamification: recomputing {} learners together failed ({}); one by one instead", ifis.size(),
          e.toString());
      Future<Void> chain = Future.succeededFuture();
      for (String ifi : ifis) {
        chain = chain.compose(v -> recompute(List.of(ifi), reasons));
      }
      return chain;
    });
  }

  /**
   * Each learner's study statement ids now: the known ones followed by those stored after them when only announced
   * statements came since (see {@link Reasons}), otherwise all of them read again. Fills {@code resumed} with the
   * progress each learner resumes from: the known one, when the ids now still begin with its ids (always so after
   * reading only the newer ones); none when something before them changed (voided, or committed late), which means
   * a replay in full.
   */
  private Map<String, long[]> currentIds(DSLContext dsl, List<String> ifis, Map<String, Reasons> reasons,
                                         Map<String, LearnerProgressCache.Known> resumed) {
    Map<String, LearnerProgressCache.Known> known = new HashMap<>();
    Map<String, Long> after = new HashMap<>();
    List<String> full = new ArrayList<>();
    for (String ifi : ifis) {
      LearnerProgressCache.Known k = progress.get(ifi);
      known.put(ifi, k);
      Reasons r = reasons.get(ifi);
      if (announcedReads && k != null && r != null && r.allAfterOrIn(k.ids())) {
        after.put(ifi, k.ids().length == 0 ? 0 : k.ids()[k.ids().length - 1]);
      } else {
        full.add(ifi);
      }
    }
    Map<String, long[]> current = full.isEmpty() ? new HashMap<>() : store.statementIds(dsl, full);
    for (String ifi : full) {
      LearnerProgressCache.Known k = known.get(ifi);
      resumed.put(ifi, k != null && k.isPrefixOf(current.get(ifi)) ? k : null);
    }
    if (!after.isEmpty()) {
      store.statementIdsAfter(dsl, after).forEach((ifi, fresh) -> {
        long[] k = known.get(ifi).ids();
        long[] all = Arrays.copyOf(k, k.length + fresh.length);
        System.arraycopy(fresh, 0, all, k.length, fresh.length);
        current.put(ifi, all);
        resumed.put(ifi, known.get(ifi));
      });
    }
    return current;
  }

  /**
   * Learners from their statements, in one transaction (why: the projector's per-learner transactions and queries
   * cost more than the ingest of the statements that triggered them): the projections, then each learner's badges'
   * own statements.
   */
  private Future<Void> recompute(List<String> ifis, Map<String, Reasons> reasons) {
    Map<String, UUID> ids = new LinkedHashMap<>();
    ifis.forEach(ifi -> ids.put(ifi, ownLearner(ifi)));
    Map<String, LearnerProgressCache.Known> computed = new HashMap<>();
    return db.transaction(dsl -> {
      store.commitWithoutFlushWait(dsl);
      var rows = store.lock(dsl, ids);
      Map<String, LearnerProgressCache.Known> known = new HashMap<>();
      Map<String, long[]> current = currentIds(dsl, ifis, reasons, known);
      Set<Long> needed = new HashSet<>();
      for (String ifi : ifis) {
        long[] now = current.get(ifi);
        LearnerProgressCache.Known k = known.get(ifi);
        for (int i = k == null ? 0 : k.ids().length; i < now.length; i++) {
          needed.add(now[i]);
        }
      }
      Map<Long, JsonObject> forRules = store.statementsForRules(dsl, needed);
      var awards = store.awardsByKey(dsl, ifis);
      GamificationStore.Changes changes = new GamificationStore.Changes();
      Map<String, Object[]> results = new LinkedHashMap<>();
      for (String ifi : rows.keySet()) {
        long[] now = current.get(ifi);
        LearnerProgressCache.Known k = known.get(ifi);
        List<JsonObject> fresh = new ArrayList<>();
        for (int i = k == null ? 0 : k.ids().length; i < now.length; i++) {
          fresh.add(forRules.get(now[i]));
        }
        RuleEngine.Progress p = k == null ? engine.start() : k.progress().copy();
        RuleEngine.Outcome outcome = p.apply(fresh);
        JsonObject lastActor = fresh.isEmpty() ? (k == null ? null : k.lastActor())
            : fresh.get(fresh.size() - 1).getJsonObject("actor");
        if (rows.get(ifi).getLearnerId() == null && lastActor != null) {
          // an LMS learner: linked to their account (by the LMS agent), whose profile puts them on the leaderboards
          store.lmsLearner(dsl, lastActor).ifPresent(rows.get(ifi)::setLearnerId);
        }
        long watermark = now.length == 0 ? 0 : now[now.length - 1];
        GamificationStore.Diff diff = store.save(dsl, rows.get(ifi), outcome, watermark, awards.get(ifi), changes);
        results.put(ifi, new Object[] {diff, lastActor == null ? agentOf(ifi) : lastActor});
        computed.put(ifi, new LearnerProgressCache.Known(now, p, lastActor));
      }
      store.apply(dsl, changes);
      return results;
    }).compose(results -> {
      progress.putAll(computed);   // only once committed: a rolled-back run must not be built upon
      Future<Void> chain = Future.succeededFuture();
      for (var e : results.entrySet()) {
        String ifi = e.getKey();
        GamificationStore.Diff diff = (GamificationStore.Diff) e.getValue()[0];
        JsonObject agent = (JsonObject) e.getValue()[1];
        for (RuleEngine.Award badge : diff.newBadges()) {
          chain = chain.compose(v -> announce(ifi, agent, badge));
        }
        for (GamificationAwardRecord gone : diff.removedBadges()) {
          if (gone.getEarnedStatementId() != null) {
            chain = chain.compose(v -> takeBack(agent, gone.getEarnedStatementId()));
          }
        }
      }
      return chain;
    });
  }

  /** The "earned" statement of a badge: reuses the one already in the LRS (after a rebuild), else stores one. */
  private Future<Void> announce(String ifi, JsonObject agent, RuleEngine.Award award) {
    String badgeId = award.key().substring("badge:".length());
    String iri = BADGES + badgeId;
    return db.query(dsl -> store.findStatement(dsl, ifi, EARNED, iri)).compose(existing -> {
      if (existing.isPresent()) {
        return Future.succeededFuture(existing.get());
      }
      JsonObject statement = earnedStatement(agent, badgeId, award);
      return statements.store(List.of(statement), Map.of(), null, credential, XapiVersion.V1_0_3)
          .map(ids -> ids.get(0));
    }).compose(id -> db.query(dsl -> {
      store.linkEarnedStatement(dsl, ifi, award.key(), id);
      return null;
    }));
  }

  private JsonObject earnedStatement(JsonObject agent, String badgeId, RuleEngine.Award award) {
    GamificationRules.Badge badge = engine.rules().badge(badgeId).orElseThrow();
    String lang = course.language();
    JsonObject activity = new JsonObject().put("objectType", "Activity").put("id", BADGES + badgeId)
        .put("definition", new JsonObject().put("type", BADGE_TYPE)
            .put("name", new JsonObject().put(lang, badge.name()))
            .put("description", new JsonObject().put(lang, badge.description())));
    return new JsonObject()
        .put("id", UUID.randomUUID().toString())
        .put("actor", agent)
        .put("verb", new JsonObject().put("id", EARNED).put("display", new JsonObject().put("en-US", "earned")
            .put("es", "obtuvo")))
        .put("object", activity)
        .put("timestamp", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            OffsetDateTime.ofInstant(award.earnedAt(), ZoneOffset.UTC)))
        .put("context", new JsonObject()
            .put("platform", "Cívica")
            .put("language", lang)
            .put("contextActivities", new JsonObject().put("grouping", new JsonArray()
                .add(new JsonObject().put("objectType", "Activity").put("id", course.id()))))
            .put("statement", new JsonObject().put("objectType", "StatementRef").put("id", award.source().toString())));
  }

  /** Voids the "earned" statement of a badge no longer earned. */
  private Future<Void> takeBack(JsonObject agent, UUID earned) {
    JsonObject voiding = new JsonObject()
        .put("id", UUID.randomUUID().toString())
        .put("actor", agent)
        .put("verb", new JsonObject().put("id", StatementValidator.VOIDED_VERB)
            .put("display", new JsonObject().put("en-US", "voided")))
        .put("object", new JsonObject().put("objectType", "StatementRef").put("id", earned.toString()));
    return statements.store(List.of(voiding), Map.of(), null, credential, XapiVersion.V1_0_3).mapEmpty();
  }

  /** Drops every projection and recomputes each learner from the statements (the replay). */
  public Future<JsonObject> rebuild() {
    long started = System.nanoTime();
    List<GamificationAwardRecord> announced = new ArrayList<>();
    progress.clear();
    return db.transaction(dsl -> {
      announced.addAll(store.announcedBadges(dsl));
      store.clear(dsl);
      return store.allLearners(dsl);
    }).compose(learners -> refresh(new ArrayList<>(learners))
        .compose(v -> takeBackUnearned(announced))
        .map(takenBack -> new JsonObject().put("learners", learners.size()).put("badgesTakenBack", takenBack)
            .put("millis", (System.nanoTime() - started) / 1_000_000)));
  }

  /**
   * After a rebuild: the badges announced before it that the rules no longer award (the rules changed) have their
   * "earned" statement voided, as the incremental path does when a voiding takes a badge back. Completes with how many.
   */
  private Future<Integer> takeBackUnearned(List<GamificationAwardRecord> announced) {
    return db.query(dsl -> announced.stream().filter(b -> !store.holds(dsl, b.getLearnerIfi(), b.getAwardKey()))
        .toList()).compose(gone -> {
          Future<Void> chain = Future.succeededFuture();
          for (GamificationAwardRecord b : gone) {
            chain = chain.compose(v -> takeBack(agentOf(b.getLearnerIfi()), b.getEarnedStatementId()));
          }
          return chain.map(v -> gone.size());
        });
  }

  /** Our own account id when the agent is one of our learners ({@code account {homePage, name: id}}). */
  UUID ownLearner(String ifi) {
    String prefix = "account::" + homePage + "::";
    if (!ifi.startsWith(prefix)) {
      return null;
    }
    try {
      return UUID.fromString(ifi.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** An agent object for an IFI (used when none of the learner's statements is left to copy it from). */
  static JsonObject agentOf(String ifi) {
    JsonObject agent = new JsonObject().put("objectType", "Agent");
    if (ifi.startsWith("account::")) {
      String rest = ifi.substring("account::".length());
      int cut = rest.lastIndexOf("::");
      return agent.put("account", new JsonObject().put("homePage", rest.substring(0, cut))
          .put("name", rest.substring(cut + 2)));
    }
    int cut = ifi.indexOf("::");
    return agent.put(ifi.substring(0, cut), ifi.substring(cut + 2));
  }

  /** Whether some learner's projection is being recomputed or waits to be. */
  public synchronized boolean busy() {
    return !slots.isEmpty() || !gathering.isEmpty();
  }

  public Optional<MessageConsumer<JsonObject>> consumer() {
    return Optional.ofNullable(consumer);
  }
}
