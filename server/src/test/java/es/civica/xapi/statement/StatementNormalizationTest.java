package es.civica.xapi.statement;

import static es.civica.xapi.XapiVersion.V1_0_3;
import static es.civica.xapi.XapiVersion.V2_0_0;
import static es.civica.xapi.statement.Statements.json;
import static es.civica.xapi.statement.Statements.load;
import static es.civica.xapi.statement.Statements.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class StatementNormalizationTest {

  @Test
  void wrapsSingleContextActivitiesInArrays() {
    JsonObject normalized = StatementValidator.normalize(load("full"));
    JsonObject activities = normalized.getJsonObject("context").getJsonObject("contextActivities");
    assertEquals(new JsonArray().add(json("{\"id\": \"https://civica.example.es/units/4\"}")),
        activities.getValue("parent"));
    assertEquals(1, activities.getJsonArray("grouping").size());
  }

  @Test
  void wrapsSingleContextActivitiesOfASubStatement() {
    JsonObject normalized = StatementValidator.normalize(load("substatement"));
    Object parent = normalized.getJsonObject("object").getJsonObject("context").getJsonObject("contextActivities")
        .getValue("parent");
    assertEquals(new JsonArray().add(json("{\"id\": \"https://civica.example.es/units/2\"}")), parent);
  }

  @Test
  void leavesObjectTypesAsReceived() {
    JsonObject minimal = load("minimal");
    assertEquals(minimal, StatementValidator.normalize(minimal));
  }

  @Test
  void dropsANullTimestampSoTheLrsCanSetIt() {
    JsonObject normalized = StatementValidator.normalize(with(load("minimal"), "timestamp", null));
    assertFalse(normalized.containsKey("timestamp"));
  }

  @Test
  void convertsTimestampsToUtcKeepingMilliseconds() {
    JsonObject est = with(load("minimal"), "timestamp", "2023-05-04T12:00:00-05:00");
    assertEquals("2023-05-04T17:00:00.000Z", StatementValidator.normalize(est).getString("timestamp"));
    JsonObject precise = with(load("minimal"), "timestamp", "2023-05-04T19:00:00.1234+02:00");
    assertEquals("2023-05-04T17:00:00.1234Z", StatementValidator.normalize(precise).getString("timestamp"));
    JsonObject local = with(load("minimal"), "timestamp", "2023-05-04T17:00:00.5");
    assertEquals("2023-05-04T17:00:00.500Z", StatementValidator.normalize(local).getString("timestamp"));
    JsonObject sub = with(load("substatement"), "object.timestamp", "2026-12-01T10:00:00+01:00");
    assertEquals("2026-12-01T09:00:00.000Z",
        StatementValidator.normalize(sub).getJsonObject("object").getString("timestamp"));
  }

  @Test
  void leavesUtcTimestampsAsReceived() {
    JsonObject utc = with(load("minimal"), "timestamp", "2023-05-04T17:00:00Z");
    assertEquals("2023-05-04T17:00:00Z", StatementValidator.normalize(utc).getString("timestamp"));
  }

  @Test
  void setsTheVersionTheSpecPrescribesWhenAbsent() {
    assertEquals("1.0.0", StatementValidator.normalize(load("minimal"), V1_0_3).getString("version"));
    assertEquals("2.0.0", StatementValidator.normalize(load("minimal"), V2_0_0).getString("version"));
    assertEquals("1.0.3", StatementValidator.normalize(load("full"), V2_0_0).getString("version"));
  }

  @Test
  void doesNotModifyItsInput() {
    for (String name : new String[] {"full", "substatement"}) {
      JsonObject input = load(name);
      JsonObject normalized = StatementValidator.normalize(input, V2_0_0);
      assertEquals(load(name), input, name);
      // the copy shares unchanged parts with the input: changing the result must not reach the input either
      normalized.put("timestamp", "2000-01-01T00:00:00Z");
      assertEquals(load(name), input, name);
    }
  }
}
