package es.civica.xapi.statement;

import static es.civica.xapi.statement.Statements.assertRejectedInBoth;
import static es.civica.xapi.statement.Statements.assertValidInBoth;
import static es.civica.xapi.statement.Statements.json;
import static es.civica.xapi.statement.Statements.load;
import static es.civica.xapi.statement.Statements.with;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Agents, Groups, inverse functional identifiers and the authority (Data 2.4.2, 2.4.9). */
class ActorValidationTest {

  private final JsonObject minimal = load("minimal");

  private JsonObject actor(String actorJson) {
    return with(minimal, "actor", json(actorJson));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"mbox\": \"mailto:ana@example.es\"}",
      "{\"objectType\": \"Agent\", \"name\": \"Ana\", \"mbox_sha1sum\": \"cd9b00a5611f94eaa7b1661edab976068e364975\"}",
      "{\"openid\": \"http://openid.example.org/12345\"}",
      "{\"account\": {\"homePage\": \"https://moodle.example.es\", \"name\": \"42\"}}"})
  void acceptsAgentWithAnyOneIdentifier(String agent) {
    assertValidInBoth(actor(agent));
  }

  @Test
  void rejectsAgentWithoutIdentifier() {
    assertRejectedInBoth(actor("{\"name\": \"Ana\"}"), "actor must have an identifier");
  }

  @Test
  void rejectsAgentWithTwoIdentifiers() {
    assertRejectedInBoth(actor("{\"mbox\": \"mailto:ana@example.es\", \"openid\": \"http://openid.example.org/1\"}"),
        "actor must have exactly one of mbox, mbox_sha1sum, openid, account");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mailto:should.fail.com", "http://should.fail.com", "ana@example.es", "mailto:"})
  void rejectsMboxThatIsNotAMailtoIri(String mbox) {
    assertRejectedInBoth(actor("{\"mbox\": \"" + mbox + "\"}"), "actor.mbox must be a mailto: IRI");
  }

  @Test
  void rejectsMboxSha1sumThatIsNotFortyHexDigits() {
    assertRejectedInBoth(actor("{\"mbox_sha1sum\": \"cd9b00a5611f94eaa7b1661edab976068e36497\"}"),
        "actor.mbox_sha1sum must be a hex-encoded SHA-1");
    assertRejectedInBoth(actor("{\"mbox_sha1sum\": 12345}"), "actor.mbox_sha1sum must be a string");
  }

  @Test
  void rejectsOpenidWithoutScheme() {
    assertRejectedInBoth(actor("{\"openid\": \"open.id.com/testUser\"}"), "actor.openid must be a URI");
  }

  @Test
  void rejectsAccountWithoutHomePageOrName() {
    assertRejectedInBoth(actor("{\"account\": {\"name\": \"42\"}}"), "actor.account.homePage is required");
    assertRejectedInBoth(actor("{\"account\": {\"homePage\": \"https://moodle.example.es\"}}"),
        "actor.account.name is required");
  }

  @Test
  void rejectsAccountWithInvalidHomePageOrName() {
    assertRejectedInBoth(actor("{\"account\": {\"homePage\": \"homePage.com/testUser\", \"name\": \"42\"}}"),
        "actor.account.homePage must be an IRL");
    assertRejectedInBoth(actor("{\"account\": {\"homePage\": \"https://moodle.example.es\", \"name\": {\"k\": 1}}}"),
        "actor.account.name must be a string");
    assertRejectedInBoth(actor("{\"account\": {\"homePage\": \"https://moodle.example.es\", \"name\": \"42\", "
        + "\"id\": 1}}"), "actor.account.id is not an allowed property");
  }

  @Test
  void rejectsAgentNameThatIsNotAString() {
    assertRejectedInBoth(actor("{\"mbox\": \"mailto:ana@example.es\", \"name\": 123}"),
        "actor.name must be a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"agent", "group", "Person", "\\\"objectType\\\": \\\"Agent\\\""})
  void rejectsActorObjectTypeOtherThanAgentOrGroup(String objectType) {
    assertRejectedInBoth(actor("{\"objectType\": \"" + objectType + "\", \"mbox\": \"mailto:ana@example.es\"}"),
        "actor.objectType must be \"Agent\" or \"Group\"");
  }

  @Test
  void rejectsUnknownAgentProperty() {
    assertRejectedInBoth(actor("{\"mbox\": \"mailto:ana@example.es\", \"member\": []}"),
        "actor.member is not an allowed property");
  }

  @Test
  void acceptsGroupWithMembersOnly() {
    assertValidInBoth(actor("{\"objectType\": \"Group\", \"name\": \"Equipo\", "
        + "\"member\": [{\"mbox\": \"mailto:ana@example.es\"}, "
        + "{\"objectType\": \"Agent\", \"openid\": \"http://o.es/1\"}]}"));
  }

  @Test
  void acceptsIdentifiedGroupWithOrWithoutMembers() {
    assertValidInBoth(actor("{\"objectType\": \"Group\", \"mbox\": \"mailto:ayto@example.es\"}"));
    assertValidInBoth(actor("{\"objectType\": \"Group\", \"mbox\": \"mailto:ayto@example.es\", \"member\": []}"));
    assertValidInBoth(actor("{\"objectType\": \"Group\", \"account\": {\"homePage\": \"https://ayto.es\", "
        + "\"name\": \"pleno\"}, \"member\": [{\"mbox\": \"mailto:ana@example.es\"}]}"));
  }

  @Test
  void rejectsAnonymousGroupWithoutMembers() {
    assertRejectedInBoth(actor("{\"objectType\": \"Group\", \"name\": \"Nadie\"}"),
        "actor.member is required for an anonymous group");
    assertRejectedInBoth(actor("{\"objectType\": \"Group\", \"member\": []}"),
        "actor.member must not be empty for an anonymous group");
  }

  @Test
  void rejectsGroupWithTwoIdentifiers() {
    assertRejectedInBoth(actor("{\"objectType\": \"Group\", \"mbox\": \"mailto:ayto@example.es\", "
        + "\"openid\": \"http://o.es/1\"}"), "actor must have at most one of");
  }

  @Test
  void rejectsGroupAsMemberOfGroup() {
    assertRejectedInBoth(actor("{\"objectType\": \"Group\", \"member\": [{\"objectType\": \"Group\", "
        + "\"mbox\": \"mailto:ayto@example.es\"}]}"), "actor.member[0] must be an Agent");
  }

  @Test
  void rejectsInvalidMember() {
    assertRejectedInBoth(actor("{\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:ana@example.es\"}, "
        + "{\"name\": \"sin id\"}]}"), "actor.member[1] must have an identifier");
    assertRejectedInBoth(actor("{\"objectType\": \"Group\", \"member\": {\"mbox\": \"mailto:ana@example.es\"}}"),
        "actor.member must be a JSON array");
  }

  @Test
  void acceptsAgentAuthority() {
    assertValidInBoth(with(minimal, "authority",
        json("{\"objectType\": \"Agent\", \"mbox\": \"mailto:lrs@example.es\"}")));
  }

  @Test
  void acceptsOAuthGroupOfTwoAgentsAsAuthority() {
    assertValidInBoth(with(minimal, "authority", json("{\"objectType\": \"Group\", \"member\": ["
        + "{\"account\": {\"homePage\": \"http://example.com/xAPI/OAuth/Token\", \"name\": \"oauth_consumer_x75db\"}},"
        + "{\"mbox\": \"mailto:bob@example.com\"}]}")));
  }

  @Test
  void rejectsAuthorityGroupWithOtherThanTwoMembers() {
    assertRejectedInBoth(with(minimal, "authority", json("{\"objectType\": \"Group\", \"member\": ["
        + "{\"mbox\": \"mailto:bob@example.com\"}]}")), "authority.member must hold exactly two agents");
    assertRejectedInBoth(with(minimal, "authority", json("{\"objectType\": \"Group\", \"member\": ["
        + "{\"mbox\": \"mailto:a@example.com\"}, {\"mbox\": \"mailto:b@example.com\"}, "
        + "{\"mbox\": \"mailto:c@example.com\"}]}")), "authority.member must hold exactly two agents");
  }

  @Test
  void rejectsIdentifiedGroupAsAuthority() {
    assertRejectedInBoth(with(minimal, "authority",
        json("{\"objectType\": \"Group\", \"mbox\": \"mailto:g@example.com\", "
        + "\"member\": [{\"mbox\": \"mailto:a@example.com\"}, {\"mbox\": \"mailto:b@example.com\"}]}")),
        "authority must be an anonymous group");
  }

  @Test
  void rejectsAuthorityWithLowercaseObjectType() {
    assertRejectedInBoth(with(minimal, "authority",
        json("{\"objectType\": \"agent\", \"mbox\": \"mailto:a@example.com\"}")),
        "authority.objectType must be \"Agent\" or \"Group\"");
  }

  @Test
  void validatesAnAgentQueryParameterWithTheSameRules() {
    assertDoesNotThrow(
        () -> StatementValidator.validateActor(json("{\"mbox\": \"mailto:ana@example.es\"}"), "agent"));
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> StatementValidator.validateActor(json("{\"mbox\": \"ana@example.es\"}"), "agent"));
    assertEquals("agent.mbox must be a mailto: IRI", e.getMessage());
    assertThrows(InvalidStatementException.class,
        () -> StatementValidator.validateActor("wrong", "agent"));
  }
}
