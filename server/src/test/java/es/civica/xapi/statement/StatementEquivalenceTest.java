package es.civica.xapi.statement;

import static es.civica.xapi.statement.Statements.json;
import static es.civica.xapi.statement.Statements.load;
import static es.civica.xapi.statement.Statements.with;
import static es.civica.xapi.statement.Statements.without;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.xapi.XapiVersion;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class StatementEquivalenceTest {

  private final JsonObject full = load("full");

  @Test
  void treatsAStatementAsEquivalentToItself() {
    assertTrue(StatementEquivalence.equivalent(full, full.copy()));
  }

  @Test
  void treatsAStatementAsEquivalentToItsStoredForm() {
    JsonObject stored = StatementValidator.normalize(full, XapiVersion.V2_0_0);
    stored.put("stored", "2030-01-01T00:00:00Z").put("authority", json("{\"mbox\": \"mailto:other@example.es\"}"));
    assertTrue(StatementEquivalence.equivalent(full, stored));
  }

  @Test
  void ignoresWhatTheLrsMayAssignWhenOneSideLacksIt() {
    JsonObject bare = without(without(without(full, "id"), "timestamp"), "version");
    assertTrue(StatementEquivalence.equivalent(bare, full));
  }

  @Test
  void comparesAssignedPropertiesWhenBothSidesHaveThem() {
    assertFalse(StatementEquivalence.equivalent(full, with(full, "id", "0c6a2e8e-2f1b-4f5a-8c3d-9e0f1a2b3c4d")));
    assertFalse(StatementEquivalence.equivalent(full, with(full, "timestamp", "2026-11-25T10:15:31.123Z")));
  }

  @Test
  void comparesTimestampsAsInstants() {
    assertTrue(StatementEquivalence.equivalent(full, with(full, "timestamp", "2026-11-25T11:15:30.123+01:00")));
    assertTrue(StatementEquivalence.equivalent(full, with(full, "timestamp", "2026-11-25T10:15:30.1234Z")));
  }

  @Test
  void comparesDurationsToTheHundredthOfASecond() {
    JsonObject a = with(full, "result.duration", "P1DT12H36M0.1237S");
    assertTrue(StatementEquivalence.equivalent(a, with(full, "result.duration", "P1DT12H36M0.12S")));
    assertFalse(StatementEquivalence.equivalent(a, with(full, "result.duration", "P1DT12H36M0.13S")));
  }

  @Test
  void ignoresVerbDisplayAndActivityDefinitions() {
    assertTrue(StatementEquivalence.equivalent(full, without(full, "verb.display")));
    assertTrue(StatementEquivalence.equivalent(full, without(full, "object.definition")));
  }

  @Test
  void detectsAChangedVerbActorOrResult() {
    assertFalse(StatementEquivalence.equivalent(full, with(full, "verb.id", "http://example.com/different/verb")));
    assertFalse(StatementEquivalence.equivalent(full, with(full, "actor.name", "Otra")));
    assertFalse(StatementEquivalence.equivalent(full, with(full, "result.score.raw", 6)));
    assertFalse(StatementEquivalence.equivalent(full, with(full, "context.language", "es")));
  }

  @Test
  void comparesNumbersByValue() {
    assertTrue(StatementEquivalence.equivalent(full, with(full, "result.score.raw", 5.0)));
  }

  @Test
  void ignoresTheOrderOfGroupMembers() {
    JsonObject sub = load("substatement");
    JsonObject swapped = with(sub, "object.actor.member", Statements.array(
        "[{\"mbox\": \"mailto:luis@example.es\"}, {\"mbox\": \"mailto:ana@example.es\"}]"));
    assertTrue(StatementEquivalence.equivalent(sub, swapped));
    JsonObject other = with(sub, "object.actor.member", Statements.array(
        "[{\"mbox\": \"mailto:luis@example.es\"}, {\"mbox\": \"mailto:eva@example.es\"}]"));
    assertFalse(StatementEquivalence.equivalent(sub, other));
  }

  @Test
  void ignoresTheCaseOfEmailDomainsAndUuidsButNotOfLocalParts() {
    JsonObject minimal = load("minimal");
    assertTrue(StatementEquivalence.equivalent(minimal, with(minimal, "actor.mbox", "mailto:ana@EXAMPLE.es")));
    assertFalse(StatementEquivalence.equivalent(minimal, with(minimal, "actor.mbox", "mailto:Ana@example.es")));
    assertTrue(StatementEquivalence.equivalent(full, with(full, "id", full.getString("id").toUpperCase())));
  }

  @Test
  void treatsAnOmittedObjectTypeAsItsDefault() {
    JsonObject minimal = load("minimal");
    assertTrue(StatementEquivalence.equivalent(minimal, with(with(minimal, "object.objectType", "Activity"),
        "actor.objectType", "Agent")));
    assertFalse(StatementEquivalence.equivalent(minimal, with(minimal, "actor.objectType", "Group")));
  }
}
