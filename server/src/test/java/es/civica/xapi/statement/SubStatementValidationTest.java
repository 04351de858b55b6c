package es.civica.xapi.statement;

import static es.civica.xapi.XapiVersion.V1_0_3;
import static es.civica.xapi.XapiVersion.V2_0_0;
import static es.civica.xapi.statement.Statements.assertRejected;
import static es.civica.xapi.statement.Statements.assertRejectedInBoth;
import static es.civica.xapi.statement.Statements.assertValid;
import static es.civica.xapi.statement.Statements.assertValidInBoth;
import static es.civica.xapi.statement.Statements.json;
import static es.civica.xapi.statement.Statements.load;
import static es.civica.xapi.statement.Statements.with;
import static es.civica.xapi.statement.Statements.without;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A statement whose object is a SubStatement (Data 2.4.4.3). */
class SubStatementValidationTest {

  private final JsonObject sub = load("substatement");

  @Test
  void acceptsSubStatementWithResultContextAndTimestamp() {
    assertValidInBoth(sub);
  }

  @Test
  void acceptsAgentGroupAndStatementRefAsSubStatementObject() {
    assertValidInBoth(with(without(sub, "object.context"), "object.object",
        json("{\"objectType\": \"Agent\", \"mbox\": \"mailto:l@example.es\"}")));
    assertValidInBoth(with(without(sub, "object.context"), "object.object",
        json("{\"objectType\": \"Group\", \"mbox\": \"mailto:g@example.es\"}")));
    assertValidInBoth(with(without(sub, "object.context"), "object.object",
        json("{\"objectType\": \"StatementRef\", \"id\": \"1f3e1d9c-5a7b-4c2e-9d8f-0a1b2c3d4e5f\"}")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"actor", "verb", "object"})
  void rejectsSubStatementMissingActorVerbOrObject(String key) {
    assertRejectedInBoth(without(sub, "object." + key), "object." + key + " is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "stored", "version", "authority"})
  void rejectsPropertiesTheLrsAssigns(String key) {
    Object value = key.equals("authority") ? json("{\"mbox\": \"mailto:lrs@example.es\"}")
        : key.equals("id") ? "1f3e1d9c-5a7b-4c2e-9d8f-0a1b2c3d4e5f"
        : key.equals("stored") ? "2026-11-25T10:15:31.000Z" : "1.0.3";
    assertRejectedInBoth(with(sub, "object." + key, value), "object." + key + " is not allowed in a SubStatement");
  }

  @Test
  void rejectsNestedSubStatement() {
    JsonObject nested = with(sub, "object.object", load("substatement").getJsonObject("object"));
    assertRejectedInBoth(nested, "object.object must not be a SubStatement");
  }

  @Test
  void rejectsSubStatementObjectTypeInAnotherCase() {
    assertRejectedInBoth(with(sub, "object.objectType", "substatement"), "object.objectType must be one of");
  }

  @Test
  void appliesContextRulesInsideTheSubStatement() {
    JsonObject agentObject = with(sub, "object.object",
        json("{\"objectType\": \"Agent\", \"mbox\": \"mailto:l@example.es\"}"));
    assertRejectedInBoth(agentObject, "object.context.platform is only allowed when the object is an Activity");
    assertRejectedInBoth(with(sub, "object.context.registration", "x"), "object.context.registration must be a UUID");
  }

  @Test
  void appliesVersionRulesInsideTheSubStatement() {
    JsonObject withAgents = with(sub, "object.context.contextAgents", Statements.array("[{\"objectType\": "
        + "\"contextAgent\", \"agent\": {\"mbox\": \"mailto:a@example.es\"}}]"));
    assertValid(withAgents, V2_0_0);
    assertRejected(withAgents, V1_0_3, "object.context.contextAgents is not allowed in xAPI 1.0.3");
    JsonObject localTime = with(sub, "object.timestamp", "2026-12-01T09:00:00");
    assertValid(localTime, V1_0_3);
    assertRejected(localTime, V2_0_0, "object.timestamp must be an RFC 3339 timestamp");
  }

  @Test
  void rejectsNullTimestampInsideTheSubStatementEvenUnder200() {
    assertRejectedInBoth(with(sub, "object.timestamp", null), "object.timestamp must not be null");
  }

  @Test
  void rejectsInvalidActorAndVerbInsideTheSubStatement() {
    assertRejectedInBoth(with(sub, "object.actor",
        json("{\"objectType\": \"agent\", \"mbox\": \"mailto:a@example.es\"}")),
        "object.actor.objectType must be \"Agent\" or \"Group\"");
    assertRejectedInBoth(with(sub, "object.verb.display", json("{\"a12345\": \"x\"}")),
        "is not keyed by a valid RFC 5646");
  }
}
