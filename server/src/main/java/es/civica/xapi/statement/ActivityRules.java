package es.civica.xapi.statement;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Activities and their definitions, including interaction activities (Data 2.4.4.1). */
final class ActivityRules {

  private static final Set<String> ACTIVITY_KEYS = Set.of("objectType", "id", "definition");
  private static final Set<String> DEFINITION_KEYS = Set.of("name", "description", "type", "moreInfo",
      "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps", "extensions");
  private static final Set<String> COMPONENT_KEYS = Set.of("id", "description");
  private static final List<String> INTERACTION_TYPES = List.of("true-false", "choice", "fill-in", "long-fill-in",
      "matching", "performance", "sequencing", "likert", "numeric", "other");
  /** Which interaction types may carry each list of interaction components (Data 2.4.4.1, Interaction Components). */
  private static final Map<String, Set<String>> COMPONENT_LISTS = Map.of(
      "choices", Set.of("choice", "sequencing"),
      "scale", Set.of("likert"),
      "source", Set.of("matching"),
      "target", Set.of("matching"),
      "steps", Set.of("performance"));
  private static final List<String> INTERACTION_PROPERTIES = List.of("correctResponsesPattern", "choices", "scale",
      "source", "target", "steps");

  private ActivityRules() {}

  static void activity(Object value, String path) {
    JsonObject activity = Json.object(value, path);
    Json.allowOnly(activity, path, ACTIVITY_KEYS);
    Object type = Json.optional(activity, "objectType", path);
    if (type != null && !"Activity".equals(type)) {
      throw Json.invalid(Json.child(path, "objectType"), "must be \"Activity\"");
    }
    String id = Json.string(Json.required(activity, "id", path), Json.child(path, "id"));
    if (!Formats.isIri(id)) {
      throw Json.invalid(Json.child(path, "id"), "must be an IRI");
    }
    Object definition = Json.optional(activity, "definition", path);
    if (definition != null) {
      definition(definition, Json.child(path, "definition"));
    }
  }

  private static void definition(Object value, String path) {
    JsonObject definition = Json.object(value, path);
    Json.allowOnly(definition, path, DEFINITION_KEYS);
    Object name = Json.optional(definition, "name", path);
    if (name != null) {
      MapRules.languageMap(name, Json.child(path, "name"));
    }
    Object description = Json.optional(definition, "description", path);
    if (description != null) {
      MapRules.languageMap(description, Json.child(path, "description"));
    }
    iri(definition, "type", path, "must be an IRI");
    iri(definition, "moreInfo", path, "must be an IRL");
    Object extensions = Json.optional(definition, "extensions", path);
    if (extensions != null) {
      MapRules.extensions(extensions, Json.child(path, "extensions"));
    }
    interaction(definition, path);
  }

  private static void interaction(JsonObject definition, String path) {
    Object interactionType = Json.optional(definition, "interactionType", path);
    if (interactionType == null) {
      for (String property : INTERACTION_PROPERTIES) {
        if (definition.containsKey(property)) {
          throw Json.invalid(Json.child(path, "interactionType"), "is required when " + property + " is present");
        }
      }
      return;
    }
    // Enumerated values are case-sensitive: "choiCe" is rejected (Data 2.2).
    if (!(interactionType instanceof String type) || !INTERACTION_TYPES.contains(type)) {
      throw Json.invalid(Json.child(path, "interactionType"), "must be one of " + INTERACTION_TYPES);
    }
    Object pattern = Json.optional(definition, "correctResponsesPattern", path);
    if (pattern != null) {
      String patternPath = Json.child(path, "correctResponsesPattern");
      Json.eachItem(Json.array(pattern, patternPath), patternPath, Json::string);
    }
    for (String list : INTERACTION_PROPERTIES.subList(1, INTERACTION_PROPERTIES.size())) {
      Object components = Json.optional(definition, list, path);
      if (components == null) {
        continue;
      }
      String listPath = Json.child(path, list);
      if (!COMPONENT_LISTS.get(list).contains(type)) {
        throw Json.invalid(listPath, "is not allowed for interactionType \"" + type + "\"");
      }
      components(Json.array(components, listPath), listPath);
    }
  }

  private static void components(JsonArray components, String path) {
    Set<String> ids = new HashSet<>();
    Json.eachItem(components, path, (value, itemPath) -> {
      JsonObject component = Json.object(value, itemPath);
      Json.allowOnly(component, itemPath, COMPONENT_KEYS);
      String id = Json.string(Json.required(component, "id", itemPath), Json.child(itemPath, "id"));
      if (id.isEmpty()) {
        throw Json.invalid(Json.child(itemPath, "id"), "must not be empty");
      }
      if (!ids.add(id)) {
        throw Json.invalid(Json.child(itemPath, "id"), "duplicates another component id in " + path);
      }
      Object description = Json.optional(component, "description", itemPath);
      if (description != null) {
        MapRules.languageMap(description, Json.child(itemPath, "description"));
      }
    });
  }

  private static void iri(JsonObject object, String key, String path, String problem) {
    Object value = Json.optional(object, key, path);
    if (value != null && !Formats.isIri(Json.string(value, Json.child(path, key)))) {
      throw Json.invalid(Json.child(path, key), problem);
    }
  }
}
