package es.civica.xapi.document;

import es.civica.xapi.AgentIdentity;
import es.civica.xapi.XapiException;
import es.civica.xapi.XapiProtocol;
import es.civica.xapi.XapiRequest;
import es.civica.xapi.XapiResponse;
import es.civica.xapi.auth.Credential;
import es.civica.xapi.statement.InvalidStatementException;
import es.civica.xapi.statement.StatementValidator;
import es.civica.xapi.statement.Formats;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.UUID;

/** HTTP side of the State, Activity Profile and Agent Profile resources. */
public final class DocumentRoutes {
  private static final Set<String> STATE_PARAMS = Set.of("activityId", "agent", "registration", "stateId", "since");
  private static final Set<String> ACTIVITY_PROFILE_PARAMS = Set.of("activityId", "profileId", "since");
  private static final Set<String> AGENT_PROFILE_PARAMS = Set.of("agent", "profileId", "since");

  private final DocumentService service;

  public DocumentRoutes(DocumentService service) {
    this.service = service;
  }

  public void register(XapiProtocol protocol) {
    for (DocumentKind kind : DocumentKind.values()) {
      String path = path(kind);
      protocol.route(HttpMethod.GET, path, r -> get(kind, r))
          .route(HttpMethod.PUT, path, r -> write(kind, r, false))
          .route(HttpMethod.POST, path, r -> write(kind, r, true))
          .route(HttpMethod.DELETE, path, r -> delete(kind, r));
    }
  }

  private static String path(DocumentKind kind) {
    return switch (kind) {
      case STATE -> "/activities/state";
      case ACTIVITY_PROFILE -> "/activities/profile";
      case AGENT_PROFILE -> "/agents/profile";
    };
  }

  private static String idParam(DocumentKind kind) {
    return kind == DocumentKind.STATE ? "stateId" : "profileId";
  }

  private Future<XapiResponse> get(DocumentKind kind, XapiRequest req) {
    authorize(kind, req.credential(), false);
    DocumentScope scope = scope(kind, req);
    String id = req.param(idParam(kind));
    if (id != null) {
      if (req.param("since") != null) {
        throw XapiException.badRequest("since cannot be used with " + idParam(kind));
      }
      return service.get(kind, scope, id).map(found -> {
        Document d = found.orElseThrow(() -> XapiException.notFound("No document " + id));
        return XapiResponse.of(200, d.contentType(), Buffer.buffer(d.contents()))
            .header("ETag", d.etag())
            .header("Last-Modified", XapiResponse.httpDate(d.updated()));
      });
    }
    OffsetDateTime since = req.param("since") == null ? null : Formats.requireTimestamp(req.param("since"), "since");
    return service.ids(kind, scope, since).map(ids -> XapiResponse.json(200, new JsonArray(ids))
        .header("Last-Modified", XapiResponse.httpDate(OffsetDateTime.now(ZoneOffset.UTC))));
  }

  private Future<XapiResponse> write(DocumentKind kind, XapiRequest req, boolean merge) {
    authorize(kind, req.credential(), true);
    DocumentScope scope = scope(kind, req);
    String id = req.param(idParam(kind));
    if (id == null) {
      throw XapiException.badRequest(idParam(kind) + " is required");
    }
    if (req.param("since") != null) {
      throw XapiException.badRequest("since is only for listing document ids");
    }
    String contentType = req.header("Content-Type");
    if (contentType == null || contentType.isBlank()) {
      contentType = "application/octet-stream";
    }
    byte[] body = req.body() == null ? new byte[0] : req.body().getBytes();
    if (contentType.toLowerCase().startsWith("application/json")) {
      checkJson(body);
    }
    var pre = preconditions(req);
    Future<Void> done = merge
        ? service.post(kind, scope, id, contentType, body, pre)
        : service.put(kind, scope, id, contentType, body, pre, req.version());
    return done.map(v -> XapiResponse.noContent());
  }

  private Future<XapiResponse> delete(DocumentKind kind, XapiRequest req) {
    authorize(kind, req.credential(), true);
    DocumentScope scope = scope(kind, req);
    String id = req.param(idParam(kind));
    if (req.param("since") != null) {
      throw XapiException.badRequest("since is only for listing document ids");
    }
    if (id == null) {
      if (kind != DocumentKind.STATE) {
        throw XapiException.badRequest("profileId is required");
      }
      return service.deleteAll(kind, scope).map(v -> XapiResponse.noContent());
    }
    return service.delete(kind, scope, id, preconditions(req)).map(v -> XapiResponse.noContent());
  }

  private static DocumentService.Preconditions preconditions(XapiRequest req) {
    return new DocumentService.Preconditions(req.header("If-Match"), req.header("If-None-Match"));
  }

  private static void checkJson(byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).trim();
    try {
      if (text.startsWith("[")) {
        new JsonArray(text);
      } else {
        new JsonObject(text);
      }
    } catch (DecodeException | ClassCastException e) {
      throw XapiException.badRequest("The body is declared application/json but is not valid JSON");
    }
  }

  private static void authorize(DocumentKind kind, Credential c, boolean write) {
    boolean ok = kind == DocumentKind.STATE
        ? (write ? c.canWriteState() : c.canReadState())
        : (write ? c.canWriteProfiles() : c.canReadProfiles());
    if (!ok) {
      throw new XapiException(403, "This credential's scopes do not allow this request");
    }
  }

  private static DocumentScope scope(DocumentKind kind, XapiRequest req) {
    Set<String> allowed = switch (kind) {
      case STATE -> STATE_PARAMS;
      case ACTIVITY_PROFILE -> ACTIVITY_PROFILE_PARAMS;
      case AGENT_PROFILE -> AGENT_PROFILE_PARAMS;
    };
    for (String p : req.params().keySet()) {
      if (!allowed.contains(p)) {
        throw XapiException.badRequest("Unknown parameter " + p);
      }
    }
    String activity = kind == DocumentKind.AGENT_PROFILE ? null : requiredIri(req, "activityId");
    String agentIfi = kind == DocumentKind.ACTIVITY_PROFILE ? null : agentIfi(req);
    UUID registration = null;
    if (kind == DocumentKind.STATE && req.param("registration") != null) {
      registration = Formats.requireUuid(req.param("registration"), "registration");
    }
    return new DocumentScope(activity, agentIfi, registration);
  }

  static String requiredIri(XapiRequest req, String name) {
    String v = req.param(name);
    if (v == null) {
      throw XapiException.badRequest(name + " is required");
    }
    return Formats.requireIri(v, name);
  }

  static String agentIfi(XapiRequest req) {
    return AgentIdentity.requireIfi(agentParam(req), "agent");
  }

  static JsonObject agentParam(XapiRequest req) {
    String text = req.param("agent");
    if (text == null) {
      throw XapiException.badRequest("agent is required");
    }
    JsonObject agent;
    try {
      agent = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw XapiException.badRequest("agent must be a JSON agent");
    }
    try {
      StatementValidator.validateActor(agent, "agent");
    } catch (InvalidStatementException e) {
      throw XapiException.badRequest("agent: " + e.getMessage());
    }
    return agent;
  }

}
