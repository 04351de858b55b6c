package es.civica.xapi.statement;

import es.civica.xapi.XapiVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The stored form of a valid statement. Only what the spec tells the LRS to change: context activities become arrays
 * ("an LRS returns a ContextActivity in an array, even if only a single ContextActivity is returned"), timestamps
 * move to UTC (2.0.0: "an LRS shall convert Timestamps to UTC"; 1.0.3: SHOULD* return them in UTC), and the version
 * is set when absent. Agents' and activities' objectType are left as received, since format=exact must return them
 * "populated exactly as they were when the Statement was received".
 */
final class StatementNormalizer {

  private StatementNormalizer() {}

  static JsonObject normalize(JsonObject statement) {
    JsonObject copy = statement.copy();
    if (copy.containsKey("timestamp") && copy.getValue("timestamp") == null) {
      copy.remove("timestamp"); // accepted under 2.0.0 as "not provided": the LRS sets it from stored
    }
    contextActivitiesAsArrays(copy.getValue("context"));
    timestampInUtc(copy);
    Object object = copy.getValue("object");
    if (object instanceof JsonObject sub && "SubStatement".equals(sub.getValue("objectType"))) {
      contextActivitiesAsArrays(sub.getValue("context"));
      timestampInUtc(sub);
    }
    return copy;
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

  private static void contextActivitiesAsArrays(Object context) {
    if (!(context instanceof JsonObject ctx) || !(ctx.getValue("contextActivities") instanceof JsonObject kinds)) {
      return;
    }
    for (String kind : ContextRules.ACTIVITY_KINDS) {
      Object entry = kinds.getValue(kind);
      if (entry instanceof JsonObject single) {
        kinds.put(kind, new JsonArray().add(single));
      }
    }
  }
}
