package es.civica.scorm.dispatch;

import es.civica.EventAddresses;
import es.civica.content.Course;
import es.civica.content.Unit;
import es.civica.db.DatabaseWorker;
import es.civica.learning.Tracker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends the cmi5 defined statements of a cmi5 launch to the LMS's LRS, as the AU (cmi5 spec, section 9.3):
 * {@code initialized} when the framed player starts its session; {@code completed}, {@code passed} /
 * {@code failed} and {@code terminated} when the player records the unit's completed, passed / failed and
 * terminated statements in our own LRS (read from the event bus, {@link EventAddresses#LRS_STATEMENT_STORED}).
 * Each uses the launch's actor, registration and activity id, the {@code contextTemplate} of LMS.LaunchData, the
 * cmi5 category (and moveOn for completed, passed, failed), the masteryScore extension for passed / failed, and a
 * duration since the session started. completed, passed and failed are sent only in launchMode Normal.
 */
public final class Cmi5Forwarder {
  private static final Logger LOG = LoggerFactory.getLogger(Cmi5Forwarder.class);
  static final String CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  static final String CATEGORY_MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  static final String MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

  private final DatabaseWorker db;
  private final Course course;
  private final RegistrationStore registrations;
  private final LaunchStore launches;
  private final Cmi5Client client;

  public Cmi5Forwarder(DatabaseWorker db, Course course, RegistrationStore registrations, LaunchStore launches,
                       Cmi5Client client) {
    this.db = db;
    this.course = course;
    this.registrations = registrations;
    this.launches = launches;
    this.client = client;
  }

  public void listen(Vertx vertx) {
    vertx.eventBus().<JsonObject>consumer(EventAddresses.LRS_STATEMENT_STORED, m -> {
      for (Object o : m.body().getJsonArray("statements", new JsonArray())) {
        if (o instanceof JsonObject s) {
          onStored(s);
        }
      }
    });
  }

  /** The AU's first statement, once the framed player has its session. */
  public void initialized(LaunchStore.Launch launch) {
    if ("cmi5".equals(launch.standard()) && launch.cmi5() != null) {
      send(launch, "initialized", null, false).onFailure(e -> LOG.warn("cmi5 initialized not sent: {}", e.getMessage()));
    }
  }

  private void onStored(JsonObject s) {
    String verb = s.getJsonObject("verb", new JsonObject()).getString("id", "");
    if (!verb.startsWith(Tracker.VERBS)) {
      return;
    }
    String name = verb.substring(Tracker.VERBS.length());
    if (!name.equals("completed") && !name.equals("passed") && !name.equals("failed") && !name.equals("terminated")) {
      return;
    }
    // statements we sent as the AU (when the LMS's LRS is this one) are not the player's: never echo them
    JsonArray categories = s.getJsonObject("context", new JsonObject()).getJsonObject("contextActivities",
        new JsonObject()).getJsonArray("category", new JsonArray());
    if (categories.stream().anyMatch(c -> c instanceof JsonObject j && CATEGORY_CMI5.equals(j.getString("id")))) {
      return;
    }
    Optional<Unit> unit = course.unitById(s.getJsonObject("object", new JsonObject()).getString("id", ""));
    JsonObject account = s.getJsonObject("actor", new JsonObject()).getJsonObject("account");
    if (unit.isEmpty() || account == null) {
      return;
    }
    JsonObject result = s.getJsonObject("result");
    db.query(dsl -> registrations.learnerByAgent(dsl, account.getString("homePage", ""), account.getString("name", ""))
            .flatMap(learner -> launches.openCmi5(dsl, learner, unit.get().number())))
        .compose(launch -> {
          if (launch.isEmpty() || launch.get().cmi5() == null) {
            return Future.succeededFuture();
          }
          if (name.equals("terminated")) {
            return db.transaction(dsl -> launches.terminate(dsl, launch.get().id()))
                .compose(first -> first ? send(launch.get(), name, result, false) : Future.succeededFuture());
          }
          return send(launch.get(), name, result, true);
        })
        .onFailure(e -> LOG.warn("cmi5 {} not sent to the LMS: {}", name, e.getMessage()));
  }

  Future<Void> send(LaunchStore.Launch launch, String verb, JsonObject ourResult, boolean moveOn) {
    JsonObject facts = launch.cmi5();
    JsonObject launchData = facts.getJsonObject("launchData", new JsonObject());
    if (moveOn && !"Normal".equals(launchData.getString("launchMode", "Normal"))) {
      return Future.succeededFuture();
    }
    return client.send(facts.getString("endpoint"), facts.getString("authToken"),
        new JsonArray().add(statement(launch, verb, ourResult, moveOn, Instant.now())));
  }

  /** A cmi5 defined statement for this launch. */
  static JsonObject statement(LaunchStore.Launch launch, String verb, JsonObject ourResult, boolean moveOn, Instant now) {
    JsonObject facts = launch.cmi5();
    JsonObject launchData = facts.getJsonObject("launchData", new JsonObject());
    JsonObject context = launchData.getJsonObject("contextTemplate", new JsonObject()).copy();
    context.put("registration", facts.getString("registration"));
    JsonObject activities = context.getJsonObject("contextActivities", new JsonObject());
    context.put("contextActivities", activities);
    JsonArray category = activities.getJsonArray("category", new JsonArray());
    activities.put("category", category);
    category.add(new JsonObject().put("id", CATEGORY_CMI5));
    if (moveOn) {
      category.add(new JsonObject().put("id", CATEGORY_MOVEON));
    }
    Object mastery = launchData.getValue("masteryScore");
    if ((verb.equals("passed") || verb.equals("failed")) && mastery instanceof Number) {
      JsonObject ext = context.getJsonObject("extensions", new JsonObject());
      context.put("extensions", ext.put(MASTERY_SCORE, mastery));
    }
    OffsetDateTime started = launch.tokenExpires().minus(LaunchService.TOKEN_LIFETIME);
    String duration = Duration.between(started.toInstant(), now).withNanos(0).toString();
    JsonObject result = null;
    switch (verb) {
      case "completed" -> result = new JsonObject().put("completion", true).put("duration", duration);
      case "passed", "failed" -> {
        result = new JsonObject().put("success", verb.equals("passed")).put("duration", duration);
        JsonObject score = ourResult == null ? null : ourResult.getJsonObject("score");
        if (score != null) {
          result.put("score", score.copy());
        }
      }
      case "terminated" -> result = new JsonObject().put("duration", duration);
      default -> { }
    }
    JsonObject statement = new JsonObject()
        .put("id", UUID.randomUUID().toString())
        .put("actor", facts.getJsonObject("actor"))
        .put("verb", Tracker.verb(verb))
        .put("object", new JsonObject().put("objectType", "Activity").put("id", facts.getString("activityId")))
        .put("context", context)
        .put("timestamp", now.atOffset(ZoneOffset.UTC).toString());
    if (result != null) {
      statement.put("result", result);
    }
    return statement;
  }
}
