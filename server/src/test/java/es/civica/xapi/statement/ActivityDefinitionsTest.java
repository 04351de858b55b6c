package es.civica.xapi.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

class ActivityDefinitionsTest {

  private static final JsonObject KNOWN = new JsonObject("""
      {"name":{"es-ES":"Pregunta 4","ca":"Pregunta 4"},"type":"http://adlnet.gov/expapi/activities/cmi.interaction",
       "interactionType":"choice","correctResponsesPattern":["b"],"extensions":{"http://x/weight":1}}""");

  @Test
  void aRepeatedOrPartialDefinitionChangesNothing() {
    assertTrue(ActivityDefinitions.covers(KNOWN, KNOWN.copy()));
    assertTrue(ActivityDefinitions.covers(KNOWN, new JsonObject().put("name", new JsonObject().put("ca", "Pregunta 4"))));
    assertTrue(ActivityDefinitions.covers(KNOWN, new JsonObject()));
    assertTrue(ActivityDefinitions.covers(KNOWN, new JsonObject("{\"extensions\":{\"http://x/weight\":1.0}}")),
        "numbers compare as JSON values");
  }

  @Test
  void aNewLanguageAChangedValueOrANullIsAChange() {
    assertFalse(ActivityDefinitions.covers(KNOWN, new JsonObject().put("name", new JsonObject().put("en-US", "Q4"))));
    assertFalse(ActivityDefinitions.covers(KNOWN, new JsonObject().put("interactionType", "sequencing")));
    assertFalse(ActivityDefinitions.covers(KNOWN, new JsonObject().put("correctResponsesPattern", List.of("a"))));
    assertFalse(ActivityDefinitions.covers(KNOWN, new JsonObject().putNull("moreInfo")));
    assertFalse(ActivityDefinitions.covers(KNOWN, new JsonObject().put("name", "not a map")));
  }

  @Test
  void coversAgreesWithMergingAndComparing() {
    List<JsonObject> incoming = List.of(KNOWN.copy(), new JsonObject().put("name", new JsonObject().put("en", "x")),
        new JsonObject("{\"extensions\":{\"http://x/weight\":2}}"), new JsonObject().put("type", KNOWN.getString("type")));
    for (JsonObject in : incoming) {
      boolean merged = KNOWN.copy().mergeIn(in, true).equals(KNOWN);
      assertEquals(merged, ActivityDefinitions.covers(KNOWN, in), in.encode());
    }
  }
}
