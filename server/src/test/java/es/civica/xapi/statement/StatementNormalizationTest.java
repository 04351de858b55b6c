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
  void setsTheVersionTheSpecPrescribesWhenAbsent() {
    assertEquals("1.0.0", StatementValidator.normalize(load("minimal"), V1_0_3).getString("version"));
    assertEquals("2.0.0", StatementValidator.normalize(load("minimal"), V2_0_0).getString("version"));
    assertEquals("1.0.3", StatementValidator.normalize(load("full"), V2_0_0).getString("version"));
  }

  @Test
  void doesNotModifyItsInput() {
    JsonObject full = load("full");
    StatementValidator.normalize(full, V2_0_0);
    assertEquals(load("full"), full);
  }
}
