package es.civica.xapi.statement;

import es.civica.xapi.XapiVersion;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * Validates a statement against the xAPI Data rules of one version, failing on the first defect with an
 * {@link InvalidStatementException} whose message names its JSON path. Pure and stateless: no storage lookups, so
 * rules that need other statements (voiding a voiding statement, duplicate ids) belong to the caller.
 */
public final class StatementValidator {

  public static final String VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided";

  private static final Set<String> STATEMENT_KEYS = Set.of("id", "actor", "verb", "object", "result", "context",
      "timestamp", "stored", "authority", "version", "attachments");
  private static final Set<String> SUB_STATEMENT_KEYS = Set.of("objectType", "actor", "verb", "object", "result",
      "context", "timestamp", "attachments");
  /** The properties the LRS assigns: a sub-statement is never stored on its own, so it must not carry them. */
  private static final List<String> NOT_IN_SUB_STATEMENT = List.of("id", "stored", "version", "authority");
  private static final Set<String> VERB_KEYS = Set.of("id", "display");
  private static final Set<String> STATEMENT_REF_KEYS = Set.of("objectType", "id");

  private StatementValidator() {}

  /** Throws {@link InvalidStatementException} on the first rule {@code statement} breaks under {@code version}. */
  public static void validate(JsonObject statement, XapiVersion version) {
    if (statement == null) {
      throw new InvalidStatementException("statement must be a JSON object");
    }
    Json.allowOnly(statement, "", STATEMENT_KEYS);
    Object id = Json.optional(statement, "id", "");
    if (id != null && !Formats.isUuid(Json.string(id, "id"))) {
      throw Json.invalid("id", "must be a UUID");
    }
    ActorRules.agentOrGroup(Json.required(statement, "actor", ""), "actor");
    JsonObject verb = verb(Json.required(statement, "verb", ""), "verb");
    JsonObject object = object(Json.required(statement, "object", ""), "object", version, true);
    if (VOIDED_VERB.equals(verb.getValue("id")) && !"StatementRef".equals(object.getValue("objectType"))) {
      throw Json.invalid("object", "must be a StatementRef when the verb is " + VOIDED_VERB);
    }
    common(statement, "", isActivity(object), version);
    Object stored = Json.optional(statement, "stored", "");
    if (stored != null && !Formats.isTimestamp(Json.string(stored, "stored"), version)) {
      throw Json.invalid("stored", timestampProblem(version));
    }
    Object authority = Json.optional(statement, "authority", "");
    if (authority != null) {
      ActorRules.authority(authority, "authority");
    }
    Object statementVersion = Json.optional(statement, "version", "");
    if (statementVersion != null && !Formats.isStatementVersion(Json.string(statementVersion, "version"), version)) {
      throw Json.invalid("version", version.is2()
          ? "must be 1.0, 1.0.x, 2.0 or 2.0.x"
          : "must be 1.0 or 1.0.x under xAPI 1.0.3");
    }
  }

  /**
   * Validates an Agent or Group outside a statement — the {@code agent} parameter of GET /statements, /agents and the
   * document resources must meet "the same standards required for values of the same types in Statements". Messages
   * name {@code name} as the path, e.g. {@code "agent.mbox must be a mailto: IRI"}.
   */
  public static void validateActor(Object actor, String name) {
    ActorRules.agentOrGroup(actor, name);
  }

  /**
   * The canonical form to store: context activities as arrays, timestamps in UTC, a 2.0.0 {@code "timestamp": null}
   * dropped so the LRS fills it. Nothing the statement did not say is added; the input is not modified.
   */
  public static JsonObject normalize(JsonObject statement) {
    return StatementNormalizer.normalize(statement);
  }

  /** {@link #normalize(JsonObject)}, plus the {@code version} the spec says an LRS sets when a statement has none. */
  public static JsonObject normalize(JsonObject statement, XapiVersion version) {
    return StatementNormalizer.normalize(statement, version);
  }

  /** result, context, timestamp and attachments: the same rules in statements and sub-statements. */
  private static void common(JsonObject statement, String path, boolean objectIsActivity, XapiVersion version) {
    Object result = Json.optional(statement, "result", path);
    if (result != null) {
      ResultRules.result(result, Json.child(path, "result"));
    }
    Object context = Json.optional(statement, "context", path);
    if (context != null) {
      ContextRules.context(context, Json.child(path, "context"), objectIsActivity, version);
    }
    // The 2.0.0 suite posts "timestamp": null and expects the LRS to fill it from stored; 1.0.3 rejects all nulls.
    boolean nullTimestamp = path.isEmpty() && version.is2() && statement.containsKey("timestamp")
        && statement.getValue("timestamp") == null;
    Object timestamp = nullTimestamp ? null : Json.optional(statement, "timestamp", path);
    if (timestamp != null && !Formats.isTimestamp(Json.string(timestamp, Json.child(path, "timestamp")), version)) {
      throw Json.invalid(Json.child(path, "timestamp"), timestampProblem(version));
    }
    Object attachments = Json.optional(statement, "attachments", path);
    if (attachments != null) {
      AttachmentRules.attachments(attachments, Json.child(path, "attachments"));
    }
  }

  private static String timestampProblem(XapiVersion version) {
    return version.is2()
        ? "must be an RFC 3339 timestamp with a time zone, e.g. 2024-05-04T17:00:00.000Z"
        : "must be an ISO 8601 timestamp, e.g. 2024-05-04T17:00:00.000Z";
  }

  private static JsonObject verb(Object value, String path) {
    JsonObject verb = Json.object(value, path);
    Json.allowOnly(verb, path, VERB_KEYS);
    String id = Json.string(Json.required(verb, "id", path), Json.child(path, "id"));
    if (!Formats.isIri(id)) {
      throw Json.invalid(Json.child(path, "id"), "must be an IRI");
    }
    Object display = Json.optional(verb, "display", path);
    if (display != null) {
      MapRules.languageMap(display, Json.child(path, "display"));
    }
    return verb;
  }

  /** The object: Activity (objectType optional), Agent, Group, StatementRef, or (top level only) SubStatement. */
  private static JsonObject object(Object value, String path, XapiVersion version, boolean topLevel) {
    JsonObject object = Json.object(value, path);
    Object type = Json.optional(object, "objectType", path);
    if (type == null && ActorRules.hasIfi(object)) {
      throw Json.invalid(Json.child(path, "objectType"), "is required when the object is an Agent or a Group");
    }
    if (type == null || "Activity".equals(type)) {
      ActivityRules.activity(object, path);
    } else if ("Agent".equals(type)) {
      ActorRules.agent(object, path);
    } else if ("Group".equals(type)) {
      ActorRules.group(object, path);
    } else if ("StatementRef".equals(type)) {
      statementRef(object, path);
    } else if ("SubStatement".equals(type)) {
      if (!topLevel) {
        throw Json.invalid(path, "must not be a SubStatement: sub-statements cannot be nested");
      }
      subStatement(object, path, version);
    } else {
      throw Json.invalid(Json.child(path, "objectType"),
          "must be one of Activity, Agent, Group, StatementRef, SubStatement");
    }
    return object;
  }

  private static void subStatement(JsonObject sub, String path, XapiVersion version) {
    for (String key : NOT_IN_SUB_STATEMENT) {
      if (sub.containsKey(key)) {
        throw Json.invalid(Json.child(path, key), "is not allowed in a SubStatement");
      }
    }
    Json.allowOnly(sub, path, SUB_STATEMENT_KEYS);
    ActorRules.agentOrGroup(Json.required(sub, "actor", path), Json.child(path, "actor"));
    verb(Json.required(sub, "verb", path), Json.child(path, "verb"));
    JsonObject object = object(Json.required(sub, "object", path), Json.child(path, "object"), version, false);
    common(sub, path, isActivity(object), version);
  }

  static void statementRef(Object value, String path) {
    JsonObject ref = Json.object(value, path);
    Json.allowOnly(ref, path, STATEMENT_REF_KEYS);
    if (!"StatementRef".equals(Json.required(ref, "objectType", path))) {
      throw Json.invalid(Json.child(path, "objectType"), "must be \"StatementRef\"");
    }
    if (!Formats.isUuid(Json.string(Json.required(ref, "id", path), Json.child(path, "id")))) {
      throw Json.invalid(Json.child(path, "id"), "must be a UUID");
    }
  }

  private static boolean isActivity(JsonObject object) {
    Object type = object.getValue("objectType");
    return type == null || "Activity".equals(type);
  }
}
