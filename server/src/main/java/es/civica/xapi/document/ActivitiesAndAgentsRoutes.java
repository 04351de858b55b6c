package es.civica.xapi.document;

import static es.civica.db.generated.Tables.ACTIVITY;

import es.civica.db.DatabaseWorker;
import es.civica.xapi.XapiException;
import es.civica.xapi.XapiProtocol;
import es.civica.xapi.XapiRequest;
import es.civica.xapi.XapiResponse;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The Activities resource (the canonical definition the LRS keeps from statements) and the Agents resource
 * (the Person object of an agent).
 */
public final class ActivitiesAndAgentsRoutes {
  private final DatabaseWorker db;

  public ActivitiesAndAgentsRoutes(DatabaseWorker db) {
    this.db = db;
  }

  public void register(XapiProtocol protocol) {
    protocol.route(HttpMethod.GET, "/activities", this::activity)
        .route(HttpMethod.GET, "/agents", this::person);
  }

  private Future<XapiResponse> activity(XapiRequest req) {
    only(req, "activityId");
    if (!req.credential().canReadDefinitions() && !req.credential().canReadProfiles()) {
      throw new XapiException(403, "This credential may not read activity definitions");
    }
    String id = DocumentRoutes.requiredIri(req, "activityId");
    return db.query(dsl -> dsl.select(ACTIVITY.DEFINITION).from(ACTIVITY).where(ACTIVITY.ACTIVITY_IRI.eq(id))
        .fetchOptional(r -> new JsonObject(r.value1().data()))).map(found -> {
          JsonObject activity = new JsonObject().put("objectType", "Activity").put("id", id);
          found.filter(d -> !d.isEmpty()).ifPresent(d -> activity.put("definition", d));
          return XapiResponse.json(200, activity);
        });
  }

  private Future<XapiResponse> person(XapiRequest req) {
    only(req, "agent");
    if (!req.credential().canReadDefinitions() && !req.credential().canReadProfiles()
        && !req.credential().canReadOwnStatements()) {
      throw new XapiException(403, "This credential may not read agents");
    }
    JsonObject agent = DocumentRoutes.agentParam(req);
    DocumentRoutes.agentIfi(req);
    JsonObject person = new JsonObject().put("objectType", "Person");
    for (String key : new String[] {"name", "mbox", "mbox_sha1sum", "openid", "account"}) {
      if (agent.getValue(key) != null) {
        person.put(key, new JsonArray().add(agent.getValue(key)));
      }
    }
    return Future.succeededFuture(XapiResponse.json(200, person));
  }

  private static void only(XapiRequest req, String param) {
    for (String p : req.params().keySet()) {
      if (!Set.of(param).contains(p)) {
        throw XapiException.badRequest("Unknown parameter " + p);
      }
    }
  }
}
