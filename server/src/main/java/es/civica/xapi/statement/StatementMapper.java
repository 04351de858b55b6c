package es.civica.xapi.statement;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rewrites every Agent/Group, Activity and Verb of a statement — wherever the spec lets one appear, sub-statement
 * included — and leaves the rest as it is. The statement formats are built on it. Works on a copy.
 */
final class StatementMapper {

  private final UnaryOperator<JsonObject> actor;
  private final UnaryOperator<JsonObject> activity;
  private final UnaryOperator<JsonObject> verb;

  StatementMapper(UnaryOperator<JsonObject> actor, UnaryOperator<JsonObject> activity,
      UnaryOperator<JsonObject> verb) {
    this.actor = actor;
    this.activity = activity;
    this.verb = verb;
  }

  JsonObject map(JsonObject statement) {
    JsonObject copy = statement.copy();
    mapStatement(copy);
    if (copy.getValue("authority") instanceof JsonObject authority) {
      copy.put("authority", actor.apply(authority));
    }
    return copy;
  }

  private void mapStatement(JsonObject statement) {
    if (statement.getValue("actor") instanceof JsonObject a) {
      statement.put("actor", actor.apply(a));
    }
    if (statement.getValue("verb") instanceof JsonObject v) {
      statement.put("verb", verb.apply(v));
    }
    if (statement.getValue("object") instanceof JsonObject object) {
      statement.put("object", mapObject(object));
    }
    if (statement.getValue("context") instanceof JsonObject context) {
      mapContext(context);
    }
  }

  private JsonObject mapObject(JsonObject object) {
    Object type = object.getValue("objectType");
    if (type == null || "Activity".equals(type)) {
      return activity.apply(object);
    }
    if ("Agent".equals(type) || "Group".equals(type)) {
      return actor.apply(object);
    }
    if ("SubStatement".equals(type)) {
      mapStatement(object);
    }
    return object;
  }

  private void mapContext(JsonObject context) {
    for (String key : List.of("instructor", "team")) {
      if (context.getValue(key) instanceof JsonObject a) {
        context.put(key, actor.apply(a));
      }
    }
    if (context.getValue("contextActivities") instanceof JsonObject kinds) {
      for (String kind : ContextRules.ACTIVITY_KINDS) {
        Object entry = kinds.getValue(kind);
        if (entry instanceof JsonObject single) {
          kinds.put(kind, activity.apply(single));
        } else if (entry instanceof JsonArray list) {
          kinds.put(kind, mapEach(list, activity));
        }
      }
    }
    mapWrapped(context.getValue("contextAgents"), "agent");
    mapWrapped(context.getValue("contextGroups"), "group");
  }

  /** contextAgents[].agent and contextGroups[].group (xAPI 2.0.0). */
  private void mapWrapped(Object list, String key) {
    if (!(list instanceof JsonArray items)) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.getValue(i) instanceof JsonObject item && item.getValue(key) instanceof JsonObject a) {
        item.put(key, actor.apply(a));
      }
    }
  }

  private static JsonArray mapEach(JsonArray list, UnaryOperator<JsonObject> f) {
    JsonArray mapped = new JsonArray();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.getValue(i);
      mapped.add(item instanceof JsonObject o ? f.apply(o) : item);
    }
    return mapped;
  }
}
