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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Statement-level rules: required and allowed properties, id, timestamps, version, voiding, nulls. */
class StatementValidatorTest {

  private final JsonObject minimal = load("minimal");

  @Test
  void acceptsMinimalStatement() {
    assertValidInBoth(minimal);
  }

  @Test
  void acceptsStatementUsingEveryProperty() {
    assertValidInBoth(load("full"));
  }

  @Test
  void rejectsStatementWithoutActor() {
    assertRejectedInBoth(without(minimal, "actor"), "actor is required");
  }

  @Test
  void rejectsStatementWithoutVerb() {
    assertRejectedInBoth(without(minimal, "verb"), "verb is required");
  }

  @Test
  void rejectsStatementWithoutObject() {
    assertRejectedInBoth(without(minimal, "object"), "object is required");
  }

  @Test
  void rejectsUnknownTopLevelProperty() {
    assertRejectedInBoth(with(minimal, "dummy", "dummy"), "dummy is not an allowed property");
  }

  @ParameterizedTest
  @ValueSource(strings = {"iD", "Actor", "veRb", "oBject", "RESULT", "conText", "timeStamp", "STOred", "auTHORity",
      "Version", "attachmentS", "objectType"})
  void rejectsPropertiesWhoseCaseDiffersFromTheSpec(String key) {
    assertRejectedInBoth(with(minimal, key, "x"), key + " is not an allowed property");
  }

  @Test
  void rejectsNullOutsideExtensions() {
    assertRejectedInBoth(with(minimal, "actor.name", null), "actor.name must not be null");
    assertRejectedInBoth(with(minimal, "verb.display", json("{\"en-US\": null}")), "must not be null");
    assertRejectedInBoth(with(minimal, "context.registration", null), "context.registration must not be null");
  }

  @Test
  void acceptsAnyUuidInStandardForm() {
    assertValidInBoth(with(minimal, "id", "AA97B177-9383-4934-8543-0F91A7A02836"));
    assertValidInBoth(with(minimal, "id", "0189a6f0-7c3e-7d2a-9b1c-3e4f5a6b7c8d")); // version 7
  }

  @ParameterizedTest
  @ValueSource(strings = {"AA97B177-9383-4934-8543-0F91A7A028368", "MA97B177-9383-4934-8543-0F91A7A02836", "",
      "1f3e1d9c5a7b4c2e9d8f0a1b2c3d4e5f"})
  void rejectsIdThatIsNotAUuid(String id) {
    assertRejectedInBoth(with(minimal, "id", id), "id must be a UUID");
  }

  @Test
  void rejectsIdThatIsNotAString() {
    assertRejectedInBoth(with(minimal, "id", 12345), "id must be a string");
    assertRejectedInBoth(with(minimal, "id", json("{\"key\": \"x\"}")), "id must be a string");
  }

  @Test
  void rejectsVerbWithoutIdOrWithNonIriId() {
    assertRejectedInBoth(without(minimal, "verb.id"), "verb.id is required");
    assertRejectedInBoth(with(minimal, "verb.id", "adlnet.gov/expapi/verbs/completed"), "verb.id must be an IRI");
    assertRejectedInBoth(with(minimal, "verb.id", "ab=c://should.fail.com"), "verb.id must be an IRI");
  }

  @Test
  void rejectsVerbDisplayThatIsNotALanguageMap() {
    assertRejectedInBoth(with(minimal, "verb.display", "completed"), "verb.display must be a JSON object");
    assertRejectedInBoth(with(minimal, "verb.display", json("{\"something\": \"x\"}")),
        "verb.display[\"something\"] is not keyed by a valid RFC 5646 language tag");
  }

  @Test
  void rejectsUnknownVerbProperty() {
    assertRejectedInBoth(with(minimal, "verb.name", "completed"), "verb.name is not an allowed property");
  }

  @Test
  void acceptsFutureTimestamp() {
    assertValidInBoth(with(minimal, "timestamp", "2099-01-01T00:00:00.000Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"should fail", "01/011/2015", "2008-09-15T15:53:00.601-00", "2008-09-15T15:53:00.601-0000",
      "2008-09-15T15:53:00.601-00:00", "2015-02-30T10:00:00Z", "2015-01-01"})
  void rejectsTimestampThatIsNotIso8601(String timestamp) {
    assertRejectedInBoth(with(minimal, "timestamp", timestamp), "timestamp must be");
  }

  @Test
  void acceptsTimestampWithoutTimeZoneOnlyIn103() {
    JsonObject local = with(minimal, "timestamp", "2015-01-01T10:00:00.000");
    assertValid(local, V1_0_3);
    assertRejected(local, V2_0_0, "timestamp must be an RFC 3339 timestamp with a time zone");
  }

  @Test
  void acceptsIso8601BasicFormatOnlyIn103() {
    JsonObject basic = with(minimal, "timestamp", "20150101T100000Z");
    assertValid(basic, V1_0_3);
    assertRejected(basic, V2_0_0, "timestamp must be an RFC 3339 timestamp");
  }

  @Test
  void acceptsRfc3339OffsetsInBoth() {
    assertValidInBoth(with(minimal, "timestamp", "2008-09-15T15:53:00.601+00:00"));
    assertValidInBoth(with(minimal, "timestamp", "2023-05-04T12:00:00-05:00"));
  }

  @Test
  void acceptsNullTimestampOnlyIn200() {
    // The 2.0.0 suite sends "timestamp": null and expects the LRS to fill it in; 1.0.3 rejects every null.
    JsonObject nullTimestamp = with(minimal, "timestamp", null);
    assertValid(nullTimestamp, V2_0_0);
    assertRejected(nullTimestamp, V1_0_3, "timestamp must not be null");
  }

  @Test
  void rejectsStoredThatIsNotATimestamp() {
    assertRejectedInBoth(with(minimal, "stored", "yesterday"), "stored must be");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.0.0", "1.0.3", "1.0.9"})
  void accepts10xVersionsInBoth(String version) {
    assertValidInBoth(with(minimal, "version", version));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.0.0"})
  void accepts20VersionsOnlyUnder200(String version) {
    JsonObject statement = with(minimal, "version", version);
    assertValid(statement, V2_0_0);
    assertRejected(statement, V1_0_3, "version must be 1.0 or 1.0.x under xAPI 1.0.3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"should fail", "0.9.9", "1.1.0", "3.0.0", ""})
  void rejectsUnknownVersions(String version) {
    assertRejectedInBoth(with(minimal, "version", version), "version must be");
  }

  @Test
  void acceptsVoidingStatementWithStatementRef() {
    assertValidInBoth(load("voiding"));
  }

  @Test
  void rejectsVoidingStatementWhoseObjectIsNotAStatementRef() {
    JsonObject voidingActivity = with(load("voiding"), "object", json("{\"id\": \"https://civica.example.es/x\"}"));
    assertRejectedInBoth(voidingActivity, "object must be a StatementRef when the verb is");
  }

  @Test
  void rejectsStatementRefWithoutUuid() {
    JsonObject statement = load("voiding");
    assertRejectedInBoth(without(statement, "object.id"), "object.id is required");
    assertRejectedInBoth(with(statement, "object.id", "should fail"), "object.id must be a UUID");
    assertRejectedInBoth(with(statement, "object.verb", "x"), "object.verb is not an allowed property");
  }

  @ParameterizedTest
  @ValueSource(strings = {"activity", "agent", "group", "statementref", "substatement", "Person"})
  void rejectsObjectTypesNotSpelledAsTheSpec(String objectType) {
    assertRejectedInBoth(with(minimal, "object.objectType", objectType),
        "object.objectType must be one of Activity, Agent, Group, StatementRef, SubStatement");
  }

  @Test
  void acceptsAgentAndGroupAsObjectWhenTheyDeclareTheirType() {
    assertValidInBoth(with(minimal, "object",
        json("{\"objectType\": \"Agent\", \"mbox\": \"mailto:luis@example.es\"}")));
    assertValidInBoth(with(minimal, "object",
        json("{\"objectType\": \"Group\", \"mbox\": \"mailto:ayto@example.es\"}")));
  }

  @Test
  void rejectsAgentOrGroupObjectWithoutObjectType() {
    assertRejectedInBoth(with(minimal, "object", json("{\"mbox\": \"mailto:luis@example.es\"}")),
        "object.objectType is required when the object is an Agent or a Group");
    assertRejectedInBoth(with(minimal, "object", json("{\"member\": [{\"mbox\": \"mailto:luis@example.es\"}]}")),
        "object.member is not an allowed property");
  }

  @Test
  void rejectsStatementThatIsNull() {
    assertRejectedInBoth(null, "statement must be a JSON object");
  }
}
