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

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Context, context activities and — new in 2.0.0 — context agents and groups (Data 2.4.6). */
class ContextValidationTest {

  private final JsonObject minimal = load("minimal");
  private final JsonObject contextAgents = load("context-agents");

  private JsonObject context(String contextJson) {
    return with(minimal, "context", json(contextJson));
  }

  @Test
  void rejectsRegistrationThatIsNotAUuid() {
    assertRejectedInBoth(context("{\"registration\": \"should fail\"}"), "context.registration must be a UUID");
    assertRejectedInBoth(context("{\"registration\": {\"key\": 1}}"), "context.registration must be a string");
  }

  @Test
  void acceptsGroupAsInstructor() {
    assertValidInBoth(context("{\"instructor\": {\"objectType\": \"Group\", \"mbox\": \"mailto:t@example.es\"}}"));
  }

  @Test
  void rejectsInstructorThatIsNotAnAgentOrGroup() {
    assertRejectedInBoth(context("{\"instructor\": \"Luis\"}"), "context.instructor must be a JSON object");
    assertRejectedInBoth(context("{\"instructor\": {\"key\": \"x\"}}"), "context.instructor.key is not an allowed");
  }

  @Test
  void rejectsTeamThatIsNotAGroup() {
    assertRejectedInBoth(context("{\"team\": {\"mbox\": \"mailto:t@example.es\"}}"),
        "context.team.objectType is required");
    assertRejectedInBoth(context("{\"team\": {\"objectType\": \"Agent\", \"mbox\": \"mailto:t@example.es\"}}"),
        "context.team.objectType must be \"Group\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"parent", "grouping", "category", "other"})
  void acceptsContextActivityAsSingleObjectOrArray(String kind) {
    assertValidInBoth(
        context("{\"contextActivities\": {\"" + kind + "\": {\"id\": \"https://civica.example.es/a\"}}}"));
    assertValidInBoth(context("{\"contextActivities\": {\"" + kind + "\": [{\"id\": \"https://civica.example.es/a\"}, "
        + "{\"objectType\": \"Activity\", \"id\": \"https://civica.example.es/b\"}]}}"));
  }

  @Test
  void rejectsUnknownContextActivitiesKey() {
    assertRejectedInBoth(context("{\"contextActivities\": {\"sibling\": {\"id\": \"https://civica.example.es/a\"}}}"),
        "context.contextActivities.sibling is not an allowed property");
  }

  @Test
  void rejectsContextActivityThatIsNotAnActivity() {
    assertRejectedInBoth(context("{\"contextActivities\": \"parent\"}"),
        "context.contextActivities must be a JSON object");
    assertRejectedInBoth(context("{\"contextActivities\": {\"parent\": [{\"key\": \"x\"}]}}"),
        "context.contextActivities.parent[0].key is not an allowed property");
    assertRejectedInBoth(context("{\"contextActivities\": {\"parent\": [\"https://civica.example.es/a\"]}}"),
        "context.contextActivities.parent[0] must be a JSON object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"revision", "platform"})
  void acceptsRevisionAndPlatformWhenTheObjectIsAnActivity(String key) {
    assertValidInBoth(context("{\"" + key + "\": \"x\"}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"revision", "platform"})
  void rejectsRevisionAndPlatformWhenTheObjectIsNotAnActivity(String key) {
    JsonObject agentObject = with(context("{\"" + key + "\": \"x\"}"), "object",
        json("{\"objectType\": \"Agent\", \"mbox\": \"mailto:luis@example.es\"}"));
    assertRejectedInBoth(agentObject, "context." + key + " is only allowed when the object is an Activity");
    JsonObject refObject = with(context("{\"" + key + "\": \"x\"}"), "object",
        json("{\"objectType\": \"StatementRef\", \"id\": \"1f3e1d9c-5a7b-4c2e-9d8f-0a1b2c3d4e5f\"}"));
    assertRejectedInBoth(refObject, "context." + key + " is only allowed when the object is an Activity");
  }

  @Test
  void rejectsRevisionThatIsNotAString() {
    assertRejectedInBoth(context("{\"revision\": 3}"), "context.revision must be a string");
  }

  @Test
  void rejectsLanguageThatIsNotALanguageTag() {
    assertRejectedInBoth(context("{\"language\": \"something\"}"), "context.language must be an RFC 5646 language tag");
    assertValidInBoth(context("{\"language\": \"cmn\"}"));
  }

  @Test
  void rejectsContextStatementThatIsNotAStatementRef() {
    assertRejectedInBoth(context("{\"statement\": {\"objectType\": \"Statement\", \"id\": "
        + "\"1f3e1d9c-5a7b-4c2e-9d8f-0a1b2c3d4e5f\"}}"), "context.statement.objectType must be \"StatementRef\"");
    assertRejectedInBoth(context("{\"statement\": {\"objectType\": \"StatementRef\", \"id\": \"x\"}}"),
        "context.statement.id must be a UUID");
  }

  @Test
  void rejectsExtensionKeyThatIsNotAnIri() {
    assertRejectedInBoth(context("{\"extensions\": {\"example.com/extension/wrong\": 1234}}"),
        "has a key that is not an IRI");
  }

  @Test
  void acceptsContextAgentsAndGroupsUnder200() {
    assertValid(contextAgents, V2_0_0);
  }

  @Test
  void rejectsContextAgentsAndGroupsUnder103() {
    assertRejected(contextAgents, V1_0_3, "context.contextAgents is not allowed in xAPI 1.0.3");
    assertRejected(with(minimal, "context.contextGroups", Statements.array("[]")), V1_0_3,
        "context.contextGroups is not allowed in xAPI 1.0.3");
  }

  @Test
  void rejectsContextAgentWithWrongObjectTypeOrAgent() {
    assertRejected(with(contextAgents, "context.contextAgents", Statements.array("[{\"objectType\": \"Should fail\", "
        + "\"agent\": {\"mbox\": \"mailto:a@example.es\"}}]")), V2_0_0,
        "context.contextAgents[0].objectType must be \"contextAgent\"");
    assertRejected(with(contextAgents, "context.contextAgents", Statements.array("[{\"agent\": "
        + "{\"mbox\": \"mailto:a@example.es\"}}]")), V2_0_0, "context.contextAgents[0].objectType is required");
    assertRejected(with(contextAgents, "context.contextAgents", Statements.array("[{\"objectType\": \"contextAgent\", "
        + "\"agent\": {\"key\": \"Should fail\"}}]")), V2_0_0, "context.contextAgents[0].agent.key is not an allowed");
    assertRejected(with(contextAgents, "context.contextAgents", Statements.array("[{\"objectType\": \"contextAgent\", "
        + "\"agent\": {\"objectType\": \"Group\", \"mbox\": \"mailto:g@example.es\"}}]")), V2_0_0,
        "context.contextAgents[0].agent.objectType must be \"Agent\"");
  }

  @Test
  void rejectsContextGroupWithWrongObjectTypeOrGroup() {
    assertRejected(with(contextAgents, "context.contextGroups", Statements.array("[{\"objectType\": \"Should fail\", "
        + "\"group\": {\"objectType\": \"Group\", \"mbox\": \"mailto:g@example.es\"}}]")), V2_0_0,
        "context.contextGroups[0].objectType must be \"contextGroup\"");
    assertRejected(with(contextAgents, "context.contextGroups", Statements.array("[{\"objectType\": \"contextGroup\", "
        + "\"group\": {\"key\": \"Should fail\"}}]")), V2_0_0, "context.contextGroups[0].group.key is not an allowed");
    assertRejected(with(contextAgents, "context.contextGroups", Statements.array("[{\"objectType\": \"contextGroup\", "
        + "\"group\": {\"mbox\": \"mailto:g@example.es\"}}]")), V2_0_0,
        "context.contextGroups[0].group.objectType is required");
  }

  @Test
  void rejectsEmptyOrNonIriRelevantTypes() {
    assertRejected(with(contextAgents, "context.contextAgents", Statements.array("[{\"objectType\": \"contextAgent\", "
        + "\"agent\": {\"mbox\": \"mailto:a@example.es\"}, \"relevantTypes\": []}]")), V2_0_0,
        "context.contextAgents[0].relevantTypes must not be empty");
    assertRejected(with(contextAgents, "context.contextGroups", Statements.array("[{\"objectType\": \"contextGroup\", "
        + "\"group\": {\"objectType\": \"Group\", \"mbox\": \"mailto:g@example.es\"}, \"relevantTypes\": [\"abc\"]}]")),
        V2_0_0, "context.contextGroups[0].relevantTypes[0] must be an IRI");
  }

  @Test
  void acceptsContextAgentWithoutRelevantTypes() {
    assertValid(with(contextAgents, "context.contextAgents", Statements.array("[{\"objectType\": \"contextAgent\", "
        + "\"agent\": {\"mbox\": \"mailto:a@example.es\"}}]")), V2_0_0);
  }

  @Test
  void rejectsContextAgentsThatIsNotAnArray() {
    assertRejected(with(contextAgents, "context.contextAgents", json("{\"objectType\": \"contextAgent\", "
        + "\"agent\": {\"mbox\": \"mailto:a@example.es\"}}")), V2_0_0, "context.contextAgents must be a JSON array");
  }
}
