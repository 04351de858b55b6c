package es.civica.xapi.statement;

import es.civica.xapi.XapiVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** A statement's or sub-statement's context (Data 2.4.6), including the context agents and groups of 2.0.0. */
final class ContextRules {

  static final List<String> ACTIVITY_KINDS = List.of("parent", "grouping", "category", "other");
  private static final Set<String> KEYS_1 = Set.of("registration", "instructor", "team", "contextActivities",
      "revision", "platform", "language", "statement", "extensions");
  private static final Set<String> KEYS_2 = Set.of("registration", "instructor", "team", "contextActivities",
      "revision", "platform", "language", "statement", "extensions", "contextAgents", "contextGroups");
  private static final Set<String> CONTEXT_AGENT_KEYS = Set.of("objectType", "agent", "relevantTypes");
  private static final Set<String> CONTEXT_GROUP_KEYS = Set.of("objectType", "group", "relevantTypes");

  private ContextRules() {}

  /**
   * @param objectIsActivity whether the statement's object is an Activity: revision and platform only make sense
   *     (and are only allowed) then
   */
  static void context(Object value, String path, boolean objectIsActivity, XapiVersion version) {
    JsonObject context = Json.object(value, path);
    if (!version.is2()) {
      for (String key : List.of("contextAgents", "contextGroups")) {
        if (context.containsKey(key)) {
          throw Json.invalid(Json.child(path, key), "is not allowed in xAPI 1.0.3 (it was added in 2.0.0)");
        }
      }
    }
    Json.allowOnly(context, path, version.is2() ? KEYS_2 : KEYS_1);
    Object registration = Json.optional(context, "registration", path);
    if (registration != null && !Formats.isUuid(Json.string(registration, Json.child(path, "registration")))) {
      throw Json.invalid(Json.child(path, "registration"), "must be a UUID");
    }
    Object instructor = Json.optional(context, "instructor", path);
    if (instructor != null) {
      ActorRules.agentOrGroup(instructor, Json.child(path, "instructor"));
    }
    Object team = Json.optional(context, "team", path);
    if (team != null) {
      ActorRules.group(team, Json.child(path, "team"));
    }
    Object activities = Json.optional(context, "contextActivities", path);
    if (activities != null) {
      contextActivities(activities, Json.child(path, "contextActivities"));
    }
    for (String key : List.of("revision", "platform")) {
      Object text = Json.optional(context, key, path);
      if (text == null) {
        continue;
      }
      Json.string(text, Json.child(path, key));
      if (!objectIsActivity) {
        throw Json.invalid(Json.child(path, key), "is only allowed when the object is an Activity");
      }
    }
    Object language = Json.optional(context, "language", path);
    if (language != null && !Formats.isLanguageTag(Json.string(language, Json.child(path, "language")))) {
      throw Json.invalid(Json.child(path, "language"), "must be an RFC 5646 language tag");
    }
    Object statement = Json.optional(context, "statement", path);
    if (statement != null) {
      StatementValidator.statementRef(statement, Json.child(path, "statement"));
    }
    Object extensions = Json.optional(context, "extensions", path);
    if (extensions != null) {
      MapRules.extensions(extensions, Json.child(path, "extensions"));
    }
    Object contextAgents = Json.optional(context, "contextAgents", path);
    if (contextAgents != null) {
      String agentsPath = Json.child(path, "contextAgents");
      Json.eachItem(Json.array(contextAgents, agentsPath), agentsPath, ContextRules::contextAgent);
    }
    Object contextGroups = Json.optional(context, "contextGroups", path);
    if (contextGroups != null) {
      String groupsPath = Json.child(path, "contextGroups");
      Json.eachItem(Json.array(contextGroups, groupsPath), groupsPath, ContextRules::contextGroup);
    }
  }

  /** parent, grouping, category, other: each an Activity or an array of Activities. */
  private static void contextActivities(Object value, String path) {
    JsonObject activities = Json.object(value, path);
    Json.allowOnly(activities, path, Set.copyOf(ACTIVITY_KINDS));
    for (String kind : ACTIVITY_KINDS) {
      Object entry = Json.optional(activities, kind, path);
      if (entry instanceof JsonArray array) {
        Json.eachItem(array, Json.child(path, kind), ActivityRules::activity);
      } else if (entry != null) {
        ActivityRules.activity(entry, Json.child(path, kind));
      }
    }
  }

  private static void contextAgent(Object value, String path) {
    JsonObject contextAgent = Json.object(value, path);
    Json.allowOnly(contextAgent, path, CONTEXT_AGENT_KEYS);
    if (!"contextAgent".equals(Json.required(contextAgent, "objectType", path))) {
      throw Json.invalid(Json.child(path, "objectType"), "must be \"contextAgent\"");
    }
    ActorRules.agent(Json.required(contextAgent, "agent", path), Json.child(path, "agent"));
    relevantTypes(contextAgent, path);
  }

  private static void contextGroup(Object value, String path) {
    JsonObject contextGroup = Json.object(value, path);
    Json.allowOnly(contextGroup, path, CONTEXT_GROUP_KEYS);
    if (!"contextGroup".equals(Json.required(contextGroup, "objectType", path))) {
      throw Json.invalid(Json.child(path, "objectType"), "must be \"contextGroup\"");
    }
    ActorRules.group(Json.required(contextGroup, "group", path), Json.child(path, "group"));
    relevantTypes(contextGroup, path);
  }

  /** Optional, but when present a non-empty array of IRIs. */
  private static void relevantTypes(JsonObject object, String path) {
    Object value = Json.optional(object, "relevantTypes", path);
    if (value == null) {
      return;
    }
    String typesPath = Json.child(path, "relevantTypes");
    JsonArray types = Json.array(value, typesPath);
    if (types.isEmpty()) {
      throw Json.invalid(typesPath, "must not be empty");
    }
    Json.eachItem(types, typesPath, (type, itemPath) -> {
      if (!Formats.isIri(Json.string(type, itemPath))) {
        throw Json.invalid(itemPath, "must be an IRI");
      }
    });
  }
}
