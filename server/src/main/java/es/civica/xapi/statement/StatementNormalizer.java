package es.civica.xapi.statement;

import es.civica.xapi.XapiVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;

/**
 * The stored form of a valid statement. Only what the spec tells the LRS to change: context activities become arrays
 * ("an LRS returns a ContextActivity in an array, even if only a single ContextActivity is returned"), timestamps
 * move to UTC (2.0.0: "an LRS shall convert Timestamps to UTC"; 1.0.3: SHOULD* return them in UTC), and the version
 * is set when absent. Agents' and activities' objectType are left as received, since format=exact must return them
 * "populated exactly as they were when the Statement was received".
 */
final class StatementNormalizer {

  private StatementNormalizer() {}

  /**
   * Copies only what it changes (the top level, and a context or sub-statement that needs rewriting): the rest is
   * shared with the input, which is left as it was. A deep copy of every statement cost more than the rules did.
   */
  static JsonObject normalize(JsonObject statement) {
    JsonObject copy = shallowCopy(statement);
    if (copy.containsKey("timestamp") && copy.getValue("timestamp") == null) {
      copy.remove("timestamp"); // accepted under 2.0.0 as "not provided": the LRS sets it from stored
    }
    contextActivitiesAsArrays(copy);
    timestampInUtc(copy);
    Object object = copy.getValue("object");
    if (object instanceof JsonObject sub && "SubStatement".equals(sub.getValue("objectType"))) {
      JsonObject subCopy = shallowCopy(sub);
      contextActivitiesAsArrays(subCopy);
      timestampInUtc(subCopy);
      copy.put("object", subCopy);
    }
    return copy;
  }

  private static JsonObject shallowCopy(JsonObject o) {
    return new JsonObject(new LinkedHashMap<>(o.getMap()));
  }

  /** 1.0.3 Data 2.4.10: a statement without version gets "1.0.0"; under 2.0.0 it gets "2.0.0". */
  static JsonObject normalize(JsonObject statement, XapiVersion version) {
    JsonObject normalized = normalize(statement);
    if (!normalized.containsKey("version")) {
      normalized.put("version", version.is2() ? "2.0.0" : "1.0.0");
    }
    return normalized;
  }

  /**
   * Rewrites a timestamp with another offset (or, under 1.0.3, none: read as UTC) as the same instant in UTC; a UTC
   * timestamp is left as it is.
   */
  private static void timestampInUtc(JsonObject statement) {
    if (!(statement.getValue("timestamp") instanceof String timestamp) || timestamp.endsWith("Z")
        || timestamp.endsWith("z")) {
      return;
    }
    Formats.parseTimestamp(timestamp, XapiVersion.V1_0_3)
        .ifPresent(instant -> statement.put("timestamp", Formats.formatTimestamp(instant)));
  }

  /** In a statement that is already a copy: replaces its context (copied) when a context activity is not an array. */
  private static void contextActivitiesAsArrays(JsonObject statement) {
    if (!(statement.getValue("context") instanceof JsonObject ctx)
        || !(ctx.getValue("contextActivities") instanceof JsonObject kinds)) {
      return;
    }
    JsonObject arrays = null;
    for (String kind : ContextRules.ACTIVITY_KINDS) {
      if (kinds.getValue(kind) instanceof JsonObject single) {
        arrays = arrays == null ? shallowCopy(kinds) : arrays;
        arrays.put(kind, new JsonArray().add(single));
      }
    }
    if (arrays != null) {
      statement.put("context", shallowCopy(ctx).put("contextActivities", arrays));
    }
  }
}
