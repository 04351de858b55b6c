package es.civica.learning;

import static es.civica.db.generated.Tables.STATEMENT_TO_ACTIVITY;
import static es.civica.db.generated.Tables.STATEMENT_TO_ACTOR;
import static es.civica.db.generated.Tables.XAPI_STATEMENT;

import es.civica.content.Course;
import es.civica.content.Lesson;
import es.civica.content.Section;
import es.civica.content.Unit;
import es.civica.db.DatabaseWorker;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.Record;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A learner's progress, read from the statements in the LRS (DESIGN.md, decision 1): sections experienced, quiz
 * and unit passed or failed, best scaled quiz score. No counter of its own. Unit percent = (sections experienced +
 * 1 if the unit is passed) / (sections + 1).
 */
public final class ProgressService {
  private static final String V = Tracker.VERBS;

  private final DatabaseWorker db;
  private final Course course;
  private final String homePage;

  public ProgressService(DatabaseWorker db, Course course, String homePage) {
    this.db = db;
    this.course = course;
    this.homePage = homePage;
  }

  /** Progress in every unit: {@code {"units": [{number, status, percent, …}], "passed": n, "total": 5}}. */
  public Future<JsonObject> course(Learner learner) {
    return db.query(dsl -> {
      Facts facts = facts(dsl, learner);
      JsonArray units = new JsonArray();
      int passed = 0;
      for (Unit u : course.units()) {
        JsonObject p = unit(u, facts);
        passed += "passed".equals(p.getString("status")) ? 1 : 0;
        units.add(p);
      }
      return new JsonObject().put("units", units).put("passed", passed).put("total", course.units().size());
    });
  }

  public Future<JsonObject> unit(Learner learner, Unit unit) {
    return db.query(dsl -> unit(unit, facts(dsl, learner)));
  }

  /** Blocking form, inside another database job. */
  JsonObject unit(DSLContext dsl, Learner learner, Unit unit) {
    return unit(unit, facts(dsl, learner));
  }

  private JsonObject unit(Unit unit, Facts facts) {
    int total = 0;
    int done = 0;
    JsonArray experienced = new JsonArray();
    JsonObject lessons = new JsonObject();
    for (Lesson l : unit.lessons()) {
      int lessonDone = 0;
      for (Section s : l.sections()) {
        total++;
        if (facts.has("experienced", unit.activityIri("section", s.id()))) {
          done++;
          lessonDone++;
          experienced.add(s.id());
        }
      }
      lessons.put(l.id(), new JsonObject().put("done", lessonDone).put("total", l.sections().size()));
    }
    boolean passed = facts.has("passed", unit.id());
    boolean failed = facts.has("failed", unit.id());
    boolean started = done > 0 || failed || facts.has("launched", unit.id()) || facts.has("attempted", unit.quiz().iri());
    String status = passed ? "passed" : failed ? "failed" : started ? "inProgress" : "notStarted";
    int percent = (int) Math.round(100.0 * (done + (passed ? 1 : 0)) / (total + 1));
    Double best = facts.best.get(unit.quiz().iri());
    return new JsonObject()
        .put("number", unit.number())
        .put("status", status)
        .put("percent", percent)
        .put("sectionsDone", done)
        .put("sectionsTotal", total)
        .put("experienced", experienced)
        .put("lessons", lessons)
        .put("bestScore", best);
  }

  private record Facts(Set<String> seen, Map<String, Double> best) {
    boolean has(String verb, String activity) {
      return seen.contains(V + verb + " " + activity);
    }
  }

  private Facts facts(DSLContext dsl, Learner learner) {
    Set<String> seen = new HashSet<>();
    Map<String, Double> best = new HashMap<>();
    // the learner's own non-voided statements of these verbs, by object activity, with their best scaled score
    var statement = XAPI_STATEMENT;
    var actor = STATEMENT_TO_ACTOR;
    var object = STATEMENT_TO_ACTIVITY;
    Field<Double> scaled = DSL.field("({0} #>> {1})::float8", Double.class, statement.PAYLOAD,
        DSL.inline("{result,score,scaled}"));
    var rows = dsl.select(statement.VERB_IRI, object.ACTIVITY_IRI, DSL.max(scaled))
        .from(statement)
        .join(actor).on(actor.STATEMENT_PK.eq(statement.ID)
            .and(actor.USAGE.eq("actor")).and(actor.ACTOR_IFI.eq(learner.ifi(homePage))))
        .join(object).on(object.STATEMENT_PK.eq(statement.ID).and(object.USAGE.eq("object")))
        .where(statement.IS_VOIDED.isFalse().and(statement.VERB_IRI.in(
            V + "experienced", V + "passed", V + "failed", V + "completed", V + "launched", V + "attempted")))
        .groupBy(statement.VERB_IRI, object.ACTIVITY_IRI)
        .fetch();
    for (Record r : rows) {
      String verb = r.get(0, String.class);
      String activity = r.get(1, String.class);
      seen.add(verb + " " + activity);
      Double score = r.get(2, Double.class);
      if (score != null && (verb.endsWith("/passed") || verb.endsWith("/failed"))) {
        best.merge(activity, score, Math::max);
      }
    }
    return new Facts(seen, best);
  }
}
