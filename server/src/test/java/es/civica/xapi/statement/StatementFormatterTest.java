package es.civica.xapi.statement;

import static es.civica.xapi.statement.Statements.json;
import static es.civica.xapi.statement.Statements.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.xapi.statement.StatementFormatter.Format;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementFormatterTest {

  private final JsonObject statement = load("format-substatement");

  @Test
  void exactReturnsAnEqualCopy() {
    JsonObject exact = StatementFormatter.exact(statement);
    assertEquals(statement, exact);
    exact.put("id", "changed");
    assertEquals(load("format-substatement"), statement);
  }

  @Test
  void idsReducesAgentsToTheirIdentifier() {
    JsonObject ids = StatementFormatter.ids(statement);
    assertEquals(json("{\"objectType\": \"Agent\", \"mbox\": \"mailto:ana@example.es\"}"), ids.getJsonObject("actor"));
    assertEquals(json("{\"objectType\": \"Agent\", \"mbox\": \"mailto:lrs@civica.example.es\"}"),
        ids.getJsonObject("authority"));
  }

  @Test
  void idsKeepsOnlyObjectTypeAndIdentifierOfIdentifiedGroups() {
    JsonObject ids = StatementFormatter.ids(statement);
    assertEquals(json("{\"objectType\": \"Group\", \"mbox\": \"mailto:concejalia@example.es\"}"),
        ids.getJsonObject("object").getJsonObject("actor"));
    assertEquals(json("{\"objectType\": \"Group\", \"openid\": \"https://id.example.es/ayto\"}"),
        ids.getJsonObject("context").getJsonObject("team"));
  }

  @Test
  void idsKeepsMembersOfAnonymousGroupsAsIdentifiers() {
    JsonObject instructor = StatementFormatter.ids(statement).getJsonObject("context").getJsonObject("instructor");
    assertEquals(json("{\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:luis@example.es\"}, "
        + "{\"account\": {\"homePage\": \"https://moodle.example.es\", \"name\": \"7\"}}]}"), instructor);
  }

  @Test
  void idsReducesActivitiesAndVerbsToTheirId() {
    JsonObject ids = StatementFormatter.ids(statement);
    assertEquals(json("{\"id\": \"http://adlnet.gov/expapi/verbs/planned\"}"), ids.getJsonObject("verb"));
    JsonObject sub = ids.getJsonObject("object");
    assertEquals(json("{\"id\": \"http://adlnet.gov/expapi/verbs/attended\"}"), sub.getJsonObject("verb"));
    assertEquals(json("{\"id\": \"https://civica.example.es/units/4/scenarios/complaint\"}"),
        sub.getJsonObject("object"));
    assertEquals(json("{\"id\": \"https://civica.example.es/units/4\"}"),
        sub.getJsonObject("context").getJsonObject("contextActivities").getJsonArray("parent").getJsonObject(0));
    assertEquals(json("{\"id\": \"https://civica.example.es/course\"}"),
        ids.getJsonObject("context").getJsonObject("contextActivities").getJsonObject("category"));
  }

  @Test
  void idsLeavesStatementRefsResultsAndTimestampsAlone() {
    JsonObject voiding = load("voiding");
    assertEquals(voiding.getJsonObject("object"), StatementFormatter.ids(voiding).getJsonObject("object"));
    assertEquals(statement.getString("timestamp"), StatementFormatter.ids(statement).getString("timestamp"));
  }

  @Test
  void idsReducesContextAgentsAndGroups() {
    JsonObject context = StatementFormatter.ids(load("context-agents")).getJsonObject("context");
    assertEquals(json("{\"objectType\": \"Agent\", \"mbox\": \"mailto:moderadora@example.es\"}"),
        context.getJsonArray("contextAgents").getJsonObject(0).getJsonObject("agent"));
    assertEquals("contextGroup", context.getJsonArray("contextGroups").getJsonObject(0).getString("objectType"));
  }

  @Test
  void canonicalKeepsTheRequestedLanguageOnly() {
    JsonObject canonical = StatementFormatter.canonical(statement, "en-GB");
    assertEquals(json("{\"en-GB\": \"planned\"}"), canonical.getJsonObject("verb").getJsonObject("display"));
    JsonObject definition = canonical.getJsonObject("object").getJsonObject("object").getJsonObject("definition");
    assertEquals(json("{\"en-GB\": \"Complaint (GB)\"}"), definition.getJsonObject("name"));
    assertEquals(json("{\"en-GB\": \"A complaint on X\"}"), definition.getJsonObject("description"));
    assertEquals(json("{\"en-GB\": \"Delete\"}"), definition.getJsonArray("choices").getJsonObject(0)
        .getJsonObject("description"));
  }

  @Test
  void canonicalLeavesEverythingButLanguageMapsAsTheyAre() {
    JsonObject canonical = StatementFormatter.canonical(statement, "en-GB");
    assertEquals(statement.getJsonObject("actor"), canonical.getJsonObject("actor"));
    assertEquals(statement.getJsonObject("object").getJsonObject("actor"),
        canonical.getJsonObject("object").getJsonObject("actor"));
    JsonObject definition = canonical.getJsonObject("object").getJsonObject("object").getJsonObject("definition");
    assertEquals("choice", definition.getString("interactionType"));
    assertEquals(4, definition.getJsonObject("extensions").getInteger("https://civica.example.es/xapi/ext/unit"));
  }

  @Test
  void canonicalReducesContextActivities() {
    JsonObject canonical = StatementFormatter.canonical(statement, "es");
    assertEquals(json("{\"es-ES\": \"Curso\"}"), canonical.getJsonObject("context").getJsonObject("contextActivities")
        .getJsonObject("category").getJsonObject("definition").getJsonObject("name"));
  }

  @Test
  void canonicalHonoursQualityValues() {
    JsonObject canonical = StatementFormatter.canonical(statement, "en-US;q=0.5, es-ES;q=0.9, fr");
    assertEquals(json("{\"es-ES\": \"planificó\"}"), canonical.getJsonObject("verb").getJsonObject("display"));
  }

  @Test
  void canonicalFallsBackToALessSpecificThenASiblingThenAnyLanguage() {
    JsonObject display = json("{\"verb\": {\"id\": \"http://x.es/v\", \"display\": {\"fr\": \"a\", \"en\": \"b\"}}}");
    assertEquals(json("{\"en\": \"b\"}"), verbDisplay(StatementFormatter.canonical(display, "en-AU")));
    JsonObject regional =
        json("{\"verb\": {\"id\": \"http://x.es/v\", \"display\": {\"fr\": \"a\", \"en-US\": \"b\"}}}");
    assertEquals(json("{\"en-US\": \"b\"}"), verbDisplay(StatementFormatter.canonical(regional, "en-GB")));
    assertEquals(json("{\"fr\": \"a\"}"), verbDisplay(StatementFormatter.canonical(regional, "de")));
    assertEquals(json("{\"fr\": \"a\"}"), verbDisplay(StatementFormatter.canonical(regional, null)));
  }

  @Test
  void canonicalIgnoresLanguagesWithZeroQuality() {
    JsonObject display = json("{\"verb\": {\"id\": \"http://x.es/v\", \"display\": {\"fr\": \"a\", \"en\": \"b\"}}}");
    assertEquals(json("{\"en\": \"b\"}"), verbDisplay(StatementFormatter.canonical(display, "fr;q=0, en;q=0.1")));
  }

  @Test
  void parsesTheFormatParameterCaseSensitively() {
    assertEquals(Optional.of(Format.IDS), Format.fromParameter("ids"));
    assertEquals(Optional.of(Format.CANONICAL), Format.fromParameter("canonical"));
    assertTrue(Format.fromParameter("IDS").isEmpty());
    assertTrue(Format.fromParameter(null).isEmpty());
  }

  @Test
  void formatDispatchesOnTheFormat() {
    assertEquals(StatementFormatter.ids(statement), StatementFormatter.format(statement, Format.IDS, null));
    assertEquals(statement, StatementFormatter.format(statement, Format.EXACT, "en-GB"));
  }

  private static JsonObject verbDisplay(JsonObject statement) {
    return statement.getJsonObject("verb").getJsonObject("display");
  }
}
