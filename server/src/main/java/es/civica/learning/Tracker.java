package es.civica.learning;

import es.civica.content.Course;
import es.civica.content.Unit;
import es.civica.xapi.XapiVersion;
import es.civica.xapi.auth.Credential;
import es.civica.xapi.statement.StatementService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the player's xAPI statements into our own LRS through {@link StatementService} (same validation, same
 * event-bus publication as any client), with the player's system credential as authority.
 *
 * <p>Vocabulary: ADL verbs ({@code http://adlnet.gov/expapi/verbs/…}: launched, initialized, experienced,
 * progressed, answered, responded, passed, failed, completed, terminated); the cmi5 progress result extension; our
 * own extensions all under {@link #EXT} — {@code node}, {@code choice}, {@code metric-changes}, {@code metrics},
 * {@code path-score}, {@code ending}, {@code tier}, {@code attempt}. Context: registration (the enrolment), parent
 * and grouping activities (unit, course), language {@code es}, platform {@code Cívica}.
 */
public final class Tracker {
  public static final String VERBS = "http://adlnet.gov/expapi/verbs/";
  /** Our one extension namespace. */
  public static final String EXT = "https://civica.app/xapi/extensions/";
  public static final String PROGRESS = "https://w3id.org/xapi/cmi5/result/extensions/progress";
  public static final String PLATFORM = "Cívica";

  public static final String TYPE_COURSE = "http://adlnet.gov/expapi/activities/course";
  public static final String TYPE_MODULE = "http://adlnet.gov/expapi/activities/module";
  public static final String TYPE_LESSON = "http://adlnet.gov/expapi/activities/lesson";
  public static final String TYPE_SECTION = "https://civica.app/xapi/activity-types/section";
  public static final String TYPE_ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment";
  public static final String TYPE_SIMULATION = "http://adlnet.gov/expapi/activities/simulation";
  public static final String TYPE_INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";

  private final StatementService statements;
  private final Credential credential;
  private final String homePage;
  private final Course course;

  public Tracker(StatementService statements, Credential credential, String homePage, Course course) {
    this.statements = statements;
    this.credential = credential;
    this.homePage = homePage;
    this.course = course;
  }

  public String homePage() {
    return homePage;
  }

  /** Stores statements; the future completes once the LRS has committed them. */
  public Future<Void> send(List<JsonObject> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    return statements.store(batch, Map.of(), null, credential, XapiVersion.V1_0_3).mapEmpty();
  }

  /** A statement about {@code object} in the learner's enrolment in {@code unit}. */
  public JsonObject statement(Learner learner, Unit unit, UUID registration, String verb, JsonObject object,
                              JsonObject result, String parentIri) {
    JsonArray grouping = new JsonArray().add(activityRef(course.id()));
    if (!parentIri.equals(unit.id())) {
      grouping.add(activityRef(unit.id()));
    }
    JsonObject context = new JsonObject()
        .put("registration", registration.toString())
        .put("contextActivities", new JsonObject()
            .put("parent", new JsonArray().add(activityRef(parentIri)))
            .put("grouping", grouping))
        .put("language", course.language())
        .put("platform", PLATFORM);
    JsonObject s = new JsonObject()
        .put("id", UUID.randomUUID().toString())
        .put("actor", learner.agent(homePage))
        .put("verb", verb(verb))
        .put("object", object)
        .put("context", context);
    if (result != null) {
      s.put("result", result);
    }
    return s;
  }

  /** A statement about the unit itself (launched, initialized, progressed, passed, completed, terminated). */
  public JsonObject unitStatement(Learner learner, Unit unit, UUID registration, String verb, JsonObject result) {
    JsonObject s = statement(learner, unit, registration, verb, activity(unit.id(), TYPE_MODULE, unit.title()),
        result, course.id());
    s.getJsonObject("context").getJsonObject("contextActivities").put("grouping", new JsonArray());
    s.getJsonObject("context").getJsonObject("contextActivities").remove("grouping");
    return s;
  }

  public static JsonObject verb(String name) {
    return new JsonObject().put("id", VERBS + name).put("display", new JsonObject().put("en-US", name));
  }

  public JsonObject activity(String iri, String type, String name) {
    return new JsonObject().put("objectType", "Activity").put("id", iri).put("definition",
        new JsonObject().put("type", type).put("name", new JsonObject().put(course.language(), name)));
  }

  public static JsonObject activityRef(String iri) {
    return new JsonObject().put("objectType", "Activity").put("id", iri);
  }

  /** A scaled score result (0–1) with raw, min and max. */
  public static JsonObject scoreResult(double scaled, int raw, int max, Boolean success, boolean completion) {
    JsonObject r = new JsonObject().put("score", new JsonObject()
        .put("scaled", Math.round(scaled * 10000) / 10000.0).put("raw", raw).put("min", 0).put("max", max));
    if (success != null) {
      r.put("success", success);
    }
    return r.put("completion", completion);
  }
}
