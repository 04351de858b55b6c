package es.civica.xapi.statement;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.xapi.XapiVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures from {@code src/test/resources/xapi/statements} and small edits on them by dotted path. */
final class Statements {

  private Statements() {}

  static JsonObject load(String name) {
    String resource = "/xapi/statements/" + name + ".json";
    try (InputStream in = Statements.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of {@code statement} with {@code value} at {@code path} ("context.contextActivities.parent"). */
  static JsonObject with(JsonObject statement, String path, Object value) {
    JsonObject copy = statement.copy();
    String[] keys = path.split("\\.");
    JsonObject parent = copy;
    for (int i = 0; i < keys.length - 1; i++) {
      Object next = parent.getValue(keys[i]);
      if (!(next instanceof JsonObject)) {
        next = new JsonObject();
        parent.put(keys[i], next);
      }
      parent = (JsonObject) next;
    }
    parent.put(keys[keys.length - 1], value);
    return copy;
  }

  /** A copy of {@code statement} without the property at {@code path}. */
  static JsonObject without(JsonObject statement, String path) {
    JsonObject copy = statement.copy();
    String[] keys = path.split("\\.");
    JsonObject parent = copy;
    for (int i = 0; i < keys.length - 1; i++) {
      parent = parent.getJsonObject(keys[i]);
    }
    parent.remove(keys[keys.length - 1]);
    return copy;
  }

  static JsonObject json(String text) {
    return new JsonObject(text);
  }

  static JsonArray array(String text) {
    return new JsonArray(text);
  }

  static void assertValid(JsonObject statement, XapiVersion version) {
    assertDoesNotThrow(() -> StatementValidator.validate(statement, version));
  }

  static void assertValidInBoth(JsonObject statement) {
    assertValid(statement, XapiVersion.V1_0_3);
    assertValid(statement, XapiVersion.V2_0_0);
  }

  /** Rejected under {@code version} with a message containing {@code message}. */
  static void assertRejected(JsonObject statement, XapiVersion version, String message) {
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> StatementValidator.validate(statement, version));
    assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
  }

  static void assertRejectedInBoth(JsonObject statement, String message) {
    assertRejected(statement, XapiVersion.V1_0_3, message);
    assertRejected(statement, XapiVersion.V2_0_0, message);
  }
}
