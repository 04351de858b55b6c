package es.civica.xapi.statement;

import es.civica.xapi.AgentIdentity;
import es.civica.xapi.MultipartMixed;
import es.civica.xapi.XapiException;
import es.civica.xapi.XapiProtocol;
import es.civica.xapi.XapiRequest;
import es.civica.xapi.XapiResponse;
import es.civica.xapi.auth.Credential;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The Statement resource's HTTP side: parse and check parameters and bodies, call the service, shape answers. */
public final class StatementRoutes {
  private static final Set<String> QUERY_PARAMS = Set.of("statementId", "voidedStatementId", "agent", "verb",
      "activity", "registration", "related_activities", "related_agents", "since", "until", "limit", "format",
      "attachments", "ascending", "more");
  private static final Set<String> SINGLE_PARAMS = Set.of("statementId", "voidedStatementId", "format", "attachments");
  static final int MAX_LIMIT = 500;

  private final StatementService service;
  private final String statementsPath;

  /** @param statementsPath absolute path of this resource, for `more` links (e.g. /xapi/statements) */
  public StatementRoutes(StatementService service, String statementsPath) {
    this.service = service;
    this.statementsPath = statementsPath;
  }

  public void register(XapiProtocol protocol) {
    protocol.route(HttpMethod.PUT, "/statements", this::put)
        .route(HttpMethod.POST, "/statements", this::post)
        .route(HttpMethod.GET, "/statements", this::get);
  }

  private Future<XapiResponse> put(XapiRequest req) {
    requireWrite(req.credential());
    String idParam = req.param("statementId");
    if (idParam == null) {
      throw XapiException.badRequest("PUT /statements needs the statementId parameter");
    }
    UUID id = uuid(idParam, "statementId");
    for (String p : req.params().keySet()) {
      if (!p.equals("statementId")) {
        throw XapiException.badRequest("Unexpected parameter " + p);
      }
    }
    Body body = body(req);
    if (body.statements.size() != 1 || body.wasArray) {
      throw XapiException.badRequest("PUT /statements takes exactly one statement");
    }
    JsonObject statement = body.statements.get(0);
    if (statement.getValue("id") != null && !idParam.equalsIgnoreCase(String.valueOf(statement.getValue("id")))) {
      throw XapiException.badRequest("The statement's id does not match the statementId parameter");
    }
    if (statement.getValue("id") == null) {
      statement.put("id", id.toString());
    }
    return service.store(body.statements, body.attachments, id, req.credential(), req.version())
        .map(ids -> XapiResponse.noContent());
  }

  private Future<XapiResponse> post(XapiRequest req) {
    requireWrite(req.credential());
    if (!req.params().isEmpty()) {
      throw XapiException.badRequest("POST /statements takes no parameter");
    }
    Body body = body(req);
    return service.store(body.statements, body.attachments, null, req.credential(), req.version())
        .map(ids -> {
          JsonArray out = new JsonArray();
          ids.forEach(i -> out.add(i.toString()));
          return XapiResponse.json(200, out);
        });
  }

  private record Body(List<JsonObject> statements, boolean wasArray, Map<String, Attachment> attachments) {
  }

  private Body body(XapiRequest req) {
    String type = req.mediaType();
    if (type.equals("multipart/mixed")) {
      List<MultipartMixed.Part> parts = MultipartMixed.parse(req.header("Content-Type"), req.body());
      if (parts.isEmpty()) {
        throw XapiException.badRequest("multipart/mixed body has no part");
      }
      MultipartMixed.Part first = parts.get(0);
      String firstType = first.header("Content-Type");
      if (firstType == null || !firstType.toLowerCase().startsWith("application/json")) {
        throw XapiException.badRequest("The first part must be the statements as application/json");
      }
      Body json = parseJson(Buffer.buffer(first.content()));
      List<Attachment> attachments = new ArrayList<>();
      for (MultipartMixed.Part p : parts.subList(1, parts.size())) {
        attachments.add(attachmentPart(p, req));
      }
      return new Body(json.statements, json.wasArray, StatementService.byHash(attachments));
    }
    if (!type.equals("application/json")) {
      throw XapiException.badRequest("Statements must be sent as application/json or multipart/mixed");
    }
    return parseJson(req.body());
  }

  private static Attachment attachmentPart(MultipartMixed.Part p, XapiRequest req) {
    String sha = p.header("X-Experience-API-Hash");
    if (sha == null) {
      throw XapiException.badRequest("Every attachment part needs an X-Experience-API-Hash header");
    }
    String encoding = p.header("Content-Transfer-Encoding");
    // 1.0.3 requires the header; 2.0.0 makes it optional, but a part that declares another encoding is refused
    if ((encoding == null && !req.version().is2()) || (encoding != null && !encoding.equalsIgnoreCase("binary"))) {
      throw XapiException.badRequest("Attachment parts need Content-Transfer-Encoding: binary");
    }
    if (!sha256(p.content()).equalsIgnoreCase(sha)) {
      throw XapiException.badRequest("Attachment part content does not match its X-Experience-API-Hash");
    }
    String type = p.header("Content-Type");
    return new Attachment(sha, type == null ? "application/octet-stream" : type, p.content());
  }

  private static Body parseJson(Buffer buffer) {
    String text = buffer == null ? "" : buffer.toString(StandardCharsets.UTF_8).trim();
    try {
      if (text.startsWith("[")) {
        JsonArray array = new JsonArray(text);
        List<JsonObject> list = new ArrayList<>();
        for (Object o : array) {
          if (!(o instanceof JsonObject statement)) {
            throw XapiException.badRequest("Every element of the array must be a statement object");
          }
          list.add(statement);
        }
        return new Body(list, true, Map.of());
      }
      return new Body(List.of(new JsonObject(text)), false, Map.of());
    } catch (DecodeException | ClassCastException e) {
      throw XapiException.badRequest("The body is not valid JSON: " + e.getMessage());
    }
  }

  private Future<XapiResponse> get(XapiRequest req) {
    Credential credential = req.credential();
    if (!credential.canReadOwnStatements()) {
      throw new XapiException(403, "This credential may not read statements");
    }
    for (String p : req.params().keySet()) {
      if (!QUERY_PARAMS.contains(p)) {
        throw XapiException.badRequest("Unknown parameter " + p);
      }
    }
    String format = req.param("format") == null ? "exact" : req.param("format");
    if (!Set.of("exact", "ids", "canonical").contains(format)) {
      throw XapiException.badRequest("format must be exact, ids or canonical");
    }
    boolean attachments = bool(req, "attachments");
    String statementId = req.param("statementId");
    String voidedId = req.param("voidedStatementId");
    if (statementId != null || voidedId != null) {
      if (statementId != null && voidedId != null) {
        throw XapiException.badRequest("statementId and voidedStatementId cannot be used together");
      }
      for (String p : req.params().keySet()) {
        if (!SINGLE_PARAMS.contains(p)) {
          throw XapiException.badRequest("Parameter " + p + " cannot be used with statementId or voidedStatementId");
        }
      }
      UUID id = uuid(statementId != null ? statementId : voidedId, statementId != null ? "statementId" : "voidedStatementId");
      return service.find(id, voidedId != null, credential)
          .compose(s -> answer(List.of(s), null, false, format, attachments, req)
              .map(r -> r.header("Last-Modified", XapiResponse.httpDate(Formats.requireTimestamp(s.getString("stored"), "stored")))));
    }
    StatementQuery query = req.param("more") != null
        ? MoreToken.decode(req.param("more")).onlyFor(credential.canReadAllStatements() ? null : credential.id())
        : parseQuery(req, credential);
    return service.query(query).compose(page -> {
      String more = page.more() ? statementsPath + "?more=" + MoreToken.encode(query.page(page.lastPk(), page.snapshotPk()), format, attachments) : "";
      String effectiveFormat = req.param("more") != null ? MoreToken.format(req.param("more")) : format;
      boolean effectiveAttachments = req.param("more") != null ? MoreToken.attachments(req.param("more")) : attachments;
      return answer(page.statements(), more, true, effectiveFormat, effectiveAttachments, req);
    });
  }

  private StatementQuery parseQuery(XapiRequest req, Credential credential) {
    String agentIfi = null;
    if (req.param("agent") != null) {
      JsonObject agent;
      try {
        agent = new JsonObject(req.param("agent"));
      } catch (DecodeException e) {
        throw XapiException.badRequest("agent must be a JSON agent or identified group");
      }
      try {
        StatementValidator.validateActor(agent, "agent");
      } catch (InvalidStatementException e) {
        throw XapiException.badRequest("agent: " + e.getMessage());
      }
      agentIfi = AgentIdentity.requireIfi(agent, "agent");
    }
    String verb = iri(req, "verb");
    String activity = iri(req, "activity");
    UUID registration = req.param("registration") == null ? null : uuid(req.param("registration"), "registration");
    OffsetDateTime since = req.param("since") == null ? null : Formats.requireTimestamp(req.param("since"), "since");
    OffsetDateTime until = req.param("until") == null ? null : Formats.requireTimestamp(req.param("until"), "until");
    int limit = MAX_LIMIT;
    if (req.param("limit") != null) {
      try {
        limit = Integer.parseInt(req.param("limit"));
      } catch (NumberFormatException e) {
        throw XapiException.badRequest("limit must be a non-negative integer");
      }
      if (limit < 0) {
        throw XapiException.badRequest("limit must be a non-negative integer");
      }
      if (limit == 0 || limit > MAX_LIMIT) {
        limit = MAX_LIMIT;
      }
    }
    Long only = credential.canReadAllStatements() ? null : credential.id();
    return new StatementQuery(agentIfi, verb, activity, registration, bool(req, "related_activities"),
        bool(req, "related_agents"), since, until, limit, bool(req, "ascending"), null, null, only);
  }

  private Future<XapiResponse> answer(List<JsonObject> statements, String more, boolean asResult, String format,
                                      boolean withAttachments, XapiRequest req) {
    List<JsonObject> shaped = new ArrayList<>(statements.size());
    String language = req.header("Accept-Language");
    for (JsonObject s : statements) {
      shaped.add(switch (format) {
        case "ids" -> StatementFormatter.ids(s);
        case "canonical" -> StatementFormatter.canonical(s, language);
        default -> s;
      });
    }
    Object json;
    if (asResult) {
      json = new JsonObject().put("statements", new JsonArray(new ArrayList<>(shaped))).put("more", more);
    } else {
      json = shaped.get(0);
    }
    String consistent = DateTimeFormatter.ISO_INSTANT.format(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    if (!withAttachments) {
      return Future.succeededFuture(withStatementHeaders(XapiResponse.json(200, json), statements, consistent));
    }
    Set<String> hashes = new LinkedHashSet<>();
    for (JsonObject s : statements) {
      JsonArray declared = s.getJsonArray("attachments");
      if (declared != null) {
        declared.forEach(a -> hashes.add(((JsonObject) a).getString("sha2")));
      }
    }
    return service.attachments(hashes).map(found -> {
      List<MultipartMixed.Part> parts = new ArrayList<>();
      parts.add(new MultipartMixed.Part(MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json"),
          ((json instanceof JsonObject o) ? o.encode() : json.toString()).getBytes(StandardCharsets.UTF_8)));
      for (Attachment a : found) {
        parts.add(new MultipartMixed.Part(MultiMap.caseInsensitiveMultiMap()
            .add("Content-Type", a.contentType())
            .add("Content-Transfer-Encoding", "binary")
            .add("X-Experience-API-Hash", a.sha2()), a.contents()));
      }
      MultipartMixed.Written written = MultipartMixed.write(parts);
      return withStatementHeaders(XapiResponse.of(200, written.contentType(), written.body()), statements, consistent);
    });
  }

  private static XapiResponse withStatementHeaders(XapiResponse r, List<JsonObject> statements, String consistent) {
    r.header("X-Experience-API-Consistent-Through", consistent);
    OffsetDateTime latest = null;
    for (JsonObject s : statements) {
      OffsetDateTime t = Formats.requireTimestamp(s.getString("stored"), "stored");
      if (latest == null || t.isAfter(latest)) {
        latest = t;
      }
    }
    return r.header("Last-Modified", XapiResponse.httpDate(latest == null ? OffsetDateTime.now(ZoneOffset.UTC) : latest));
  }


  private static void requireWrite(Credential credential) {
    if (!credential.canWriteStatements()) {
      throw new XapiException(403, "This credential may not write statements");
    }
  }

  private static boolean bool(XapiRequest req, String name) {
    String v = req.param(name);
    if (v == null) {
      return false;
    }
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw XapiException.badRequest(name + " must be true or false");
  }

  private static String iri(XapiRequest req, String name) {
    return Formats.requireIri(req.param(name), name);
  }

  static UUID uuid(String text, String name) {
    return Formats.requireUuid(text, name);
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
