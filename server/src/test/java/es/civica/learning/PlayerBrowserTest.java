package es.civica.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.content.ContentLoader;
import es.civica.content.Item;
import es.civica.content.Scenario;
import es.civica.content.Unit;
import es.civica.support.BrowserScript;
import es.civica.support.LrsClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives the player in Chromium (Playwright, axe-core) through {@code src/test/e2e/player.e2e.js} against the real
 * server, then checks the statements in the LRS. Skipped when node, Chromium or the e2e packages are missing
 * ({@code apt-get install -y chromium}; {@code npm ci} in {@code server/src/test/e2e}).
 */
class PlayerBrowserTest {
  private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
  private static TestServer server;
  private static LrsClient lrs;
  private static Unit unit4;
  private static Path keyFile;

  @BeforeAll
  static void start() throws Exception {
    BrowserScript.assumeAvailable();
    server = TestServer.start();
    lrs = server.credential("e2e-reader", "all/read");
    unit4 = ContentLoader.fromClasspath().unit(4).orElseThrow();
    JsonObject items = new JsonObject();
    for (Item item : unit4.items()) {
      items.put(item.id(), new JsonObject().put("type", item.type().json())
          .put("right", PlayerApiTest.right(item)).put("wrong", PlayerApiTest.wrong(item)));
    }
    Scenario scenario = unit4.scenario("u4-sc-alumbrado").orElseThrow();
    List<String> best = PlayerApiTest.bestPath(scenario, ScenarioEngine.start(scenario), new ArrayList<>());
    keyFile = Files.createTempFile("civica-e2e-key", ".json");
    // one of the settings the simulation's debrief names as meeting the target
    JsonObject good = new JsonObject().put("postsPerWeek", 8)
        .put("timeSlots", new JsonArray().add("midday").add("afternoon"))
        .put("contentMix", new JsonObject().put("serviceInfo", 50).put("citizenAnswers", 25)
            .put("participation", 20).put("propaganda", 5))
        .put("responseTime", "4h").put("channels", new JsonArray().add("x").add("facebook").add("instagram"));
    Files.writeString(keyFile, new JsonObject().put("items", items).put("bestPath", new JsonArray(best))
        .put("simulationGood", good).encode());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
      Files.deleteIfExists(keyFile);
    }
  }

  @Test
  @DisplayName("in the browser: unit 4 lessons, a passed quiz, the complaint scenario to its best ending, the "
      + "engagement simulation to its target; "
      + "statements in the LRS; no serious or critical axe violation; no external request")
  void completeUnit4() throws Exception {
    JsonObject r = journey("complete");
    String agent = agent(r.getString("learner"));
    int sections = unit4.lessons().stream().mapToInt(l -> l.sections().size()).sum();
    // every section once by the reader, plus the section the scenario ending links to
    assertEquals(sections, statements(agent, "experienced").stream()
        .map(s -> ((JsonObject) s).getJsonObject("object").getString("id")).distinct().count());
    assertTrue(statements(agent, "progressed").size() >= sections);
    assertEquals(unit4.quiz().length(), statements(agent, "answered").size());
    assertTrue(statements(agent, "passed").stream().anyMatch(s ->
        ((JsonObject) s).getJsonObject("object").getString("id").equals(unit4.id())));
    assertTrue(statements(agent, "completed").stream().anyMatch(s -> "best".equals(((JsonObject) s)
        .getJsonObject("result").getJsonObject("extensions", new JsonObject()).getString(Tracker.EXT + "tier"))));
    assertTrue(statements(agent, "responded").size() > 3);
    assertTrue(statements(agent, "launched").size() >= 1);
    assertEquals(2, statements(agent, "interacted").size());   // two simulation runs, the second meets the target
  }

  @Test
  @DisplayName("in the browser: a failed quiz, a retry with other questions, a pass")
  void failRetryPass() throws Exception {
    JsonObject r = journey("fail-retry-pass");
    String agent = agent(r.getString("learner"));
    // the quiz attempt only: a unit fails when its last attempt fails, and retries were left (QuizService)
    assertEquals(1, statements(agent, "failed").size());
    assertEquals(2, statements(agent, "passed").size());
  }

  @Test
  @DisplayName("in the browser: reloading mid-quiz resumes the same attempt at the next question")
  void reloadResumes() throws Exception {
    JsonObject r = journey("resume");
    String agent = agent(r.getString("learner"));
    assertEquals(unit4.quiz().length(), statements(agent, "answered").size());
    assertEquals(1, statements(agent, "attempted").size());
  }

  private JsonObject journey(String name) throws Exception {
    return BrowserScript.of(server, "player.e2e.js", name).env("KEY_FILE", keyFile.toAbsolutePath().toString())
        .runAndCheckAxe();
  }

  private String agent(String learner) {
    return new JsonObject().put("account", new JsonObject()
        .put("homePage", server.app().settings().publicUrl()).put("name", learner)).encode();
  }

  private JsonArray statements(String agent, String verb) throws Exception {
    HttpResponse<String> r = lrs.get("/statements", Map.of("agent", agent, "verb", VERBS + verb, "limit", "500"));
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body()).getJsonArray("statements");
  }
}
