package es.civica.xapi.statement;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/** The result of a statement and its score (Data 2.4.5). */
final class ResultRules {

  private static final Set<String> RESULT_KEYS = Set.of("score", "success", "completion", "response", "duration",
      "extensions");
  private static final Set<String> SCORE_KEYS = Set.of("scaled", "raw", "min", "max");

  private ResultRules() {}

  static void result(Object value, String path) {
    JsonObject result = Json.object(value, path);
    Json.allowOnly(result, path, RESULT_KEYS);
    Object score = Json.optional(result, "score", path);
    if (score != null) {
      score(score, Json.child(path, "score"));
    }
    Object success = Json.optional(result, "success", path);
    if (success != null) {
      Json.bool(success, Json.child(path, "success"));
    }
    Object completion = Json.optional(result, "completion", path);
    if (completion != null) {
      Json.bool(completion, Json.child(path, "completion"));
    }
    Object response = Json.optional(result, "response", path);
    if (response != null) {
      Json.string(response, Json.child(path, "response"));
    }
    Object duration = Json.optional(result, "duration", path);
    if (duration != null && !Formats.isDuration(Json.string(duration, Json.child(path, "duration")))) {
      throw Json.invalid(Json.child(path, "duration"), "must be an ISO 8601 duration such as PT1H30M5.25S");
    }
    Object extensions = Json.optional(result, "extensions", path);
    if (extensions != null) {
      MapRules.extensions(extensions, Json.child(path, "extensions"));
    }
  }

  /** Numbers only (no numeric strings); -1 <= scaled <= 1; min < max; min <= raw <= max. */
  private static void score(Object value, String path) {
    JsonObject score = Json.object(value, path);
    Json.allowOnly(score, path, SCORE_KEYS);
    Double scaled = number(score, "scaled", path);
    Double raw = number(score, "raw", path);
    Double min = number(score, "min", path);
    Double max = number(score, "max", path);
    if (scaled != null && (scaled < -1 || scaled > 1)) {
      throw Json.invalid(Json.child(path, "scaled"), "must be between -1 and 1");
    }
    if (min != null && max != null && min >= max) {
      throw Json.invalid(Json.child(path, "min"), "must be less than max");
    }
    if (raw != null && min != null && raw < min) {
      throw Json.invalid(Json.child(path, "raw"), "must not be less than min");
    }
    if (raw != null && max != null && raw > max) {
      throw Json.invalid(Json.child(path, "raw"), "must not be greater than max");
    }
  }

  private static Double number(JsonObject score, String key, String path) {
    Object value = Json.optional(score, key, path);
    return value == null ? null : Json.number(value, Json.child(path, key));
  }
}
