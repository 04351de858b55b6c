package es.civica.learning;

import static es.civica.db.generated.Tables.SCENARIO_PLAY;

import es.civica.content.Course;
import es.civica.content.LearnerViews;
import es.civica.content.Node;
import es.civica.content.Scenario;
import es.civica.content.Unit;
import es.civica.db.DatabaseWorker;
import es.civica.db.generated.tables.records.ScenarioPlayRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scenario plays kept on the server: the current node, the metrics and the path score live in
 * {@code scenario_play}; the browser sends only "at node N I choose C". One xAPI statement per choice
 * ({@code responded}, with node, choice, metric changes, metrics and running path score as extensions), and
 * {@code completed} with the ending and its tier when the play ends.
 */
public final class ScenarioService {
  public static final String IN_PROGRESS = "in_progress";
  public static final String ENDED = "ended";
  public static final String ABANDONED = "abandoned";

  private final DatabaseWorker db;
  private final LearnerStore learners;
  private final Tracker tracker;
  private final Course course;

  public ScenarioService(DatabaseWorker db, LearnerStore learners, Tracker tracker, Course course) {
    this.db = db;
    this.learners = learners;
    this.tracker = tracker;
    this.course = course;
  }

  /** The scenario's front page and the learner's play in progress, if any, and the endings reached so far. */
  public Future<JsonObject> overview(Learner learner, Unit unit, Scenario scenario) {
    return db.query(dsl -> {
      List<ScenarioPlayRecord> plays = dsl.selectFrom(SCENARIO_PLAY)
          .where(SCENARIO_PLAY.LEARNER_ID.eq(learner.id()).and(SCENARIO_PLAY.UNIT_NUMBER.eq(unit.number()))
              .and(SCENARIO_PLAY.SCENARIO_ID.eq(scenario.id())))
          .orderBy(SCENARIO_PLAY.STARTED).fetch();
      JsonObject json = LearnerViews.scenario(scenario).put("unit", unit.number());
      JsonArray endings = new JsonArray();
      for (ScenarioPlayRecord p : plays) {
        if (IN_PROGRESS.equals(p.getStatus())) {
          json.put("current", p.getId().toString());
        } else if (ENDED.equals(p.getStatus())
            && scenario.node(p.getNode()).orElseThrow() instanceof Node.Ending e) {
          endings.add(new JsonObject().put("play", p.getId().toString()).put("tier", e.tier().json())
              .put("title", e.title()).put("score", p.getScore()));
        }
      }
      return json.put("endings", endings);
    });
  }

  /** Starts a new play (an unfinished one is abandoned). */
  public Future<JsonObject> start(Learner learner, Unit unit, Scenario scenario) {
    return db.transaction(dsl -> {
      LearnerStore.Enrolment enrolment = learners.enrolAndLock(dsl, learner.id(), unit.number());
      dsl.update(SCENARIO_PLAY).set(SCENARIO_PLAY.STATUS, ABANDONED)
          .where(SCENARIO_PLAY.LEARNER_ID.eq(learner.id()).and(SCENARIO_PLAY.UNIT_NUMBER.eq(unit.number()))
              .and(SCENARIO_PLAY.SCENARIO_ID.eq(scenario.id())).and(SCENARIO_PLAY.STATUS.eq(IN_PROGRESS)))
          .execute();
      ScenarioEngine.State state = ScenarioEngine.start(scenario);
      ScenarioPlayRecord r = dsl.newRecord(SCENARIO_PLAY);
      r.setId(UUID.randomUUID());
      r.setLearnerId(learner.id());
      r.setUnitNumber(unit.number());
      r.setScenarioId(scenario.id());
      r.setRegistration(enrolment.registration());
      r.setNode(state.node());
      r.setMetrics(JSONB.valueOf(new JsonObject(new LinkedHashMap<>(state.metrics())).encode()));
      r.setScore(state.score());
      r.setPath(JSONB.valueOf("[]"));
      r.setStatus(IN_PROGRESS);
      r.setStarted(LearnerStore.now());
      r.store();
      return r;
    }).compose(r -> {
      JsonObject attempted = tracker.statement(learner, unit, r.getRegistration(), "attempted",
          tracker.activity(scenario.iri(), Tracker.TYPE_SIMULATION, scenario.title()), null, unit.id());
      return tracker.send(List.of(attempted)).map(v -> view(unit, scenario, r));
    });
  }

  public Future<JsonObject> view(Learner learner, Unit unit, Scenario scenario, UUID playId) {
    return db.query(dsl -> owned(dsl, learner, unit, scenario, playId, false)).map(r -> view(unit, scenario, r));
  }

  /** Takes a choice at the current node. */
  public Future<JsonObject> choose(Learner learner, Unit unit, Scenario scenario, UUID playId, String nodeId,
                                   String choiceId) {
    return db.transaction(dsl -> {
      ScenarioPlayRecord r = owned(dsl, learner, unit, scenario, playId, true);
      if (!IN_PROGRESS.equals(r.getStatus())) {
        throw LearningException.conflict("this play is over");
      }
      ScenarioEngine.Step step;
      try {
        step = ScenarioEngine.choose(scenario, state(r), nodeId, choiceId);
      } catch (IllegalStateException e) {
        throw LearningException.conflict(e.getMessage());
      } catch (IllegalArgumentException e) {
        throw LearningException.badRequest(e.getMessage());
      }
      ScenarioEngine.State after = step.after();
      JsonArray path = new JsonArray(r.getPath().data());
      path.add(new JsonObject().put("node", nodeId).put("choice", choiceId).put("score", step.choice().score())
          .put("changes", new JsonObject(new LinkedHashMap<>(step.changes()))));
      r.setPath(JSONB.valueOf(path.encode()));
      r.setNode(after.node());
      r.setMetrics(JSONB.valueOf(new JsonObject(new LinkedHashMap<>(after.metrics())).encode()));
      r.setScore(after.score());
      if (ScenarioEngine.ended(scenario, after)) {
        r.setStatus(ENDED);
        r.setFinished(LearnerStore.now());
      }
      r.store();
      return new Chosen(r, step);
    }).compose(chosen -> {
      List<JsonObject> batch = statements(learner, unit, scenario, chosen);
      JsonObject body = view(unit, scenario, chosen.play());
      return tracker.send(batch).map(v -> body);
    });
  }

  private record Chosen(ScenarioPlayRecord play, ScenarioEngine.Step step) {
  }

  private List<JsonObject> statements(Learner learner, Unit unit, Scenario scenario, Chosen chosen) {
    ScenarioPlayRecord r = chosen.play();
    ScenarioEngine.Step step = chosen.step();
    Node.Decision decision = (Node.Decision) scenario.node(step.node()).orElseThrow();
    JsonArray choices = new JsonArray();
    decision.choices().forEach(c -> choices.add(new JsonObject().put("id", c.id())
        .put("description", new JsonObject().put("es", c.text()))));
    JsonObject nodeActivity = new JsonObject().put("objectType", "Activity")
        .put("id", scenario.iri() + "/node/" + decision.id())
        .put("definition", new JsonObject()
            .put("type", Tracker.TYPE_INTERACTION)
            .put("name", new JsonObject().put("es", scenario.title() + " · " + decision.id()))
            .put("interactionType", "choice")
            .put("choices", choices));
    JsonObject result = new JsonObject()
        .put("response", step.choice().id())
        .put("extensions", new JsonObject()
            .put(Tracker.EXT + "node", decision.id())
            .put(Tracker.EXT + "choice", step.choice().id())
            .put(Tracker.EXT + "choice-score", step.choice().score())
            .put(Tracker.EXT + "metric-changes", new JsonObject(new LinkedHashMap<>(step.changes())))
            .put(Tracker.EXT + "metrics", new JsonObject(new LinkedHashMap<>(step.after().metrics())))
            .put(Tracker.EXT + "path-score", step.after().score()));
    List<JsonObject> out = new ArrayList<>();
    out.add(tracker.statement(learner, unit, r.getRegistration(), "responded", nodeActivity, result, scenario.iri()));
    if (ENDED.equals(r.getStatus())) {
      Node.Ending ending = (Node.Ending) scenario.node(r.getNode()).orElseThrow();
      JsonObject done = new JsonObject()
          .put("completion", true)
          .put("success", ending.tier() == Node.Tier.BEST || ending.tier() == Node.Tier.GOOD)
          .put("score", new JsonObject().put("raw", r.getScore()))
          .put("extensions", new JsonObject()
              .put(Tracker.EXT + "ending", ending.id())
              .put(Tracker.EXT + "tier", ending.tier().json())
              .put(Tracker.EXT + "metrics", new JsonObject(new LinkedHashMap<>(step.after().metrics())))
              .put(Tracker.EXT + "path-score", r.getScore()));
      out.add(tracker.statement(learner, unit, r.getRegistration(), "completed",
          tracker.activity(scenario.iri(), Tracker.TYPE_SIMULATION, scenario.title()), done, unit.id()));
    }
    return out;
  }

  private JsonObject view(Unit unit, Scenario scenario, ScenarioPlayRecord r) {
    JsonObject metrics = new JsonObject(r.getMetrics().data());
    JsonArray history = new JsonArray();
    for (Object o : new JsonArray(r.getPath().data())) {
      JsonObject p = (JsonObject) o;
      Node.Decision d = (Node.Decision) scenario.node(p.getString("node")).orElseThrow();
      d.choice(p.getString("choice")).ifPresent(c -> history.add(new JsonObject()
          .put("node", d.id())
          .put("choice", c.id())
          .put("text", c.text())
          .put("feedback", c.feedback())
          .put("changes", p.getJsonObject("changes"))));
    }
    Node node = scenario.node(r.getNode()).orElseThrow();
    JsonObject nodeView = node instanceof Node.Decision d ? LearnerViews.decision(d)
        : LearnerViews.ending(unit, course, (Node.Ending) node);
    return new JsonObject()
        .put("id", r.getId().toString())
        .put("scenario", LearnerViews.scenario(scenario).put("unit", unit.number()))
        .put("status", r.getStatus())
        .put("metrics", metrics)
        .put("score", r.getScore())
        .put("step", history.size() + 1)
        .put("node", nodeView)
        .put("history", history);
  }

  private static ScenarioEngine.State state(ScenarioPlayRecord r) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    new JsonObject(r.getMetrics().data()).forEach(e -> metrics.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
    return new ScenarioEngine.State(r.getNode(), metrics, r.getScore());
  }

  private ScenarioPlayRecord owned(DSLContext dsl, Learner learner, Unit unit, Scenario scenario, UUID playId,
                                   boolean lock) {
    var select = dsl.selectFrom(SCENARIO_PLAY).where(SCENARIO_PLAY.ID.eq(playId)
        .and(SCENARIO_PLAY.LEARNER_ID.eq(learner.id())).and(SCENARIO_PLAY.UNIT_NUMBER.eq(unit.number()))
        .and(SCENARIO_PLAY.SCENARIO_ID.eq(scenario.id())));
    ScenarioPlayRecord r = lock ? select.forUpdate().fetchOne() : select.fetchOne();
    if (r == null) {
      throw LearningException.notFound("no such play");
    }
    return r;
  }
}
