package es.civica.xapi.statement;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Typed reads of statement JSON. Every failure names the JSON path of the defect, so the client learns what to
 * fix. Explicit JSON {@code null} is rejected by {@link #optional}: xAPI forbids nulls outside extensions (Data 2.2).
 */
final class Json {

  private Json() {}

  static InvalidStatementException invalid(String path, String problem) {
    return new InvalidStatementException(path + " " + problem);
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String item(String path, int index) {
    return path + "[" + index + "]";
  }

  /** The value under {@code key}, or {@code null} when the key is absent; a present JSON null is a defect. */
  static Object optional(JsonObject object, String key, String path) {
    if (!object.containsKey(key)) {
      return null;
    }
    Object value = object.getValue(key);
    if (value == null) {
      throw invalid(child(path, key), "must not be null");
    }
    return value;
  }

  static Object required(JsonObject object, String key, String path) {
    Object value = optional(object, key, path);
    if (value == null) {
      throw invalid(child(path, key), "is required");
    }
    return value;
  }

  static JsonObject object(Object value, String path) {
    if (value instanceof JsonObject object) {
      return object;
    }
    throw invalid(path, "must be a JSON object");
  }

  static JsonArray array(Object value, String path) {
    if (value instanceof JsonArray array) {
      return array;
    }
    throw invalid(path, "must be a JSON array");
  }

  static String string(Object value, String path) {
    if (value instanceof String string) {
      return string;
    }
    throw invalid(path, "must be a string");
  }

  static void bool(Object value, String path) {
    // Strings such as "true" are rejected too: the spec forbids strings where booleans are required.
    if (!(value instanceof Boolean)) {
      throw invalid(path, "must be a boolean");
    }
  }

  static double number(Object value, String path) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw invalid(path, "must be a number");
  }

  /** Each element of a JSON array, non-null, with its path. */
  static void eachItem(JsonArray array, String path, ItemCheck check) {
    for (int i = 0; i < array.size(); i++) {
      Object value = array.getValue(i);
      if (value == null) {
        throw invalid(item(path, i), "must not be null");
      }
      check.accept(value, item(path, i));
    }
  }

  /** Rejects keys the spec does not define here; keys are case-sensitive, so {@code "Actor"} is unknown too. */
  static void allowOnly(JsonObject object, String path, Set<String> allowed) {
    for (String key : object.fieldNames()) {
      if (!allowed.contains(key)) {
        throw invalid(child(path, key), "is not an allowed property");
      }
    }
  }

  @FunctionalInterface
  interface ItemCheck {
    void accept(Object value, String path);
  }
}
