package es.civica.learning;

import static es.civica.db.generated.Tables.SIMULATION_RUN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import es.civica.content.Simulation;
import es.civica.content.Unit;
import es.civica.content.simulation.EngagementModel;
import es.civica.content.simulation.SimulationControls;
import es.civica.content.simulation.SimulationOutcome;
import es.civica.content.simulation.WeekResult;
import es.civica.db.DatabaseWorker;
import es.civica.db.generated.tables.records.SimulationRunRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jooq.JSONB;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The engagement-tuning simulation, run on the server: the browser sends the settings, the server validates them
 * against the simulation file, runs {@link EngagementModel}, records the run and answers the simulated weeks and
 * whether the target was met. The model's parameters never leave the server; the debrief (which names settings
 * that work) is sent only once the learner has met the target.
 */
public final class SimulationService {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DatabaseWorker db;
  private final LearnerStore learners;
  private final Tracker tracker;
  private final Map<String, EngagementModel> models = new HashMap<>();

  public SimulationService(DatabaseWorker db, LearnerStore learners, Tracker tracker, List<Unit> units) {
    this.db = db;
    this.learners = learners;
    this.tracker = tracker;
    units.forEach(u -> u.simulations().forEach(s -> models.put(s.id(), EngagementModel.fromSimulation(s.json()))));
  }

  /** The simulation as the learner starts it: intro, controls with their defaults, outputs, and their runs so far. */
  public Future<JsonObject> overview(Learner learner, Unit unit, Simulation simulation) {
    return db.query(dsl -> dsl.selectFrom(SIMULATION_RUN)
        .where(SIMULATION_RUN.LEARNER_ID.eq(learner.id()).and(SIMULATION_RUN.UNIT_NUMBER.eq(unit.number()))
            .and(SIMULATION_RUN.SIMULATION_ID.eq(simulation.id())))
        .orderBy(SIMULATION_RUN.RUN_NO).fetch()).map(runs -> {
          JsonObject json = view(unit, simulation);
          boolean met = runs.stream().anyMatch(SimulationRunRecord::getTargetMet);
          json.put("runs", runs.size()).put("targetMet", met);
          if (!runs.isEmpty()) {
            json.put("lastControls", new JsonObject(runs.get(runs.size() - 1).getControls().data()));
          }
          if (met) {
            json.put("debrief", debrief(simulation));
          }
          return json;
        });
  }

  /** Runs the model with the learner's settings; 400 when they are outside the simulation's bounds. */
  public Future<JsonObject> run(Learner learner, Unit unit, Simulation simulation, JsonObject controlsJson) {
    EngagementModel model = models.get(simulation.id());
    SimulationControls controls;
    SimulationOutcome outcome;
    try {
      controls = model.controls(JSON.readTree(controlsJson.encode()));
      outcome = model.run(controls);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(LearningException.badRequest(e.getMessage()));
    } catch (Exception e) {
      return Future.failedFuture(LearningException.badRequest("unreadable controls"));
    }
    JsonObject stored = controls(controls);
    return db.transaction(dsl -> {
      LearnerStore.Enrolment enrolment = learners.enrolAndLock(dsl, learner.id(), unit.number());
      var previous = dsl.selectFrom(SIMULATION_RUN)
          .where(SIMULATION_RUN.LEARNER_ID.eq(learner.id()).and(SIMULATION_RUN.UNIT_NUMBER.eq(unit.number()))
              .and(SIMULATION_RUN.SIMULATION_ID.eq(simulation.id()))).fetch();
      SimulationRunRecord r = dsl.newRecord(SIMULATION_RUN);
      r.setId(UUID.randomUUID());
      r.setLearnerId(learner.id());
      r.setUnitNumber(unit.number());
      r.setSimulationId(simulation.id());
      r.setRegistration(enrolment.registration());
      r.setRunNo(previous.size() + 1);
      r.setControls(JSONB.valueOf(stored.encode()));
      r.setTargetMet(outcome.targetMet());
      r.setCreated(LearnerStore.now());
      r.store();
      boolean firstMet = outcome.targetMet() && previous.stream().noneMatch(SimulationRunRecord::getTargetMet);
      return new Ran(r, firstMet);
    }).compose(ran -> {
      JsonObject result = result(outcome).put("run", ran.run().getRunNo());
      JsonObject activity = tracker.activity(simulation.iri(), Tracker.TYPE_SIMULATION, simulation.title());
      JsonObject xapiResult = new JsonObject()
          .put("success", outcome.targetMet())
          .put("extensions", new JsonObject()
              .put(Tracker.EXT + "run", ran.run().getRunNo())
              .put(Tracker.EXT + "controls", stored)
              .put(Tracker.EXT + "weeks", result.getJsonArray("weeks"))
              .put(Tracker.EXT + "target", result.getJsonArray("target")));
      List<JsonObject> batch = new java.util.ArrayList<>();
      batch.add(tracker.statement(learner, unit, ran.run().getRegistration(), "interacted", activity, xapiResult,
          unit.id()));
      if (ran.firstMet()) {
        batch.add(tracker.statement(learner, unit, ran.run().getRegistration(), "completed", activity,
            new JsonObject().put("success", true).put("completion", true).put("extensions", new JsonObject()
                .put(Tracker.EXT + "run", ran.run().getRunNo())), unit.id()));
      }
      if (outcome.targetMet()) {
        result.put("debrief", debrief(simulation));
      }
      return tracker.send(batch).map(v -> result);
    });
  }

  private record Ran(SimulationRunRecord run, boolean firstMet) {
  }

  private static JsonObject view(Unit unit, Simulation s) {
    JsonArray controls = new JsonArray();
    for (Simulation.Control c : s.controls()) {
      JsonObject full = new JsonObject(c.json().toString());
      JsonObject safe = new JsonObject().put("id", c.id()).put("label", c.label()).put("type", c.type());
      for (String field : List.of("help", "unit", "min", "max", "step", "total", "minSelected", "options", "parts",
          "default")) {
        if (full.containsKey(field)) {
          safe.put(field, full.getValue(field));
        }
      }
      controls.add(safe);
    }
    JsonObject file = new JsonObject(s.json().toString());
    return new JsonObject()
        .put("id", s.id())
        .put("unit", unit.number())
        .put("title", s.title())
        .put("summary", file.getString("summary"))
        .put("intro", s.intro())
        .put("weeks", s.weeks())
        .put("controls", controls)
        .put("outputs", file.getJsonArray("outputs"));
  }

  private static String debrief(Simulation s) {
    return s.debrief().isTextual() ? s.debrief().textValue() : s.debrief().toString();
  }

  private static JsonObject controls(SimulationControls c) {
    return new JsonObject()
        .put("postsPerWeek", c.postsPerWeek())
        .put("timeSlots", new JsonArray(c.timeSlots()))
        .put("contentMix", new JsonObject(new java.util.LinkedHashMap<>(c.contentMix())))
        .put("responseTime", c.responseTime())
        .put("channels", new JsonArray(c.channels()));
  }

  private static JsonObject result(SimulationOutcome o) {
    JsonArray weeks = new JsonArray();
    for (WeekResult w : o.weeks()) {
      weeks.add(new JsonObject().put("week", w.week()).put("audience", w.audience()).put("reach", w.reach())
          .put("interactions", w.interactions()).put("engagementRate", w.engagementRate())
          .put("questions", w.questions()).put("unanswered", w.unanswered()));
    }
    JsonArray target = new JsonArray();
    o.target().forEach(p -> target.add(new JsonObject().put("id", p.id()).put("required", p.required())
        .put("achieved", p.achieved()).put("met", p.met())));
    return new JsonObject().put("weeks", weeks).put("target", target).put("targetMet", o.targetMet());
  }
}
