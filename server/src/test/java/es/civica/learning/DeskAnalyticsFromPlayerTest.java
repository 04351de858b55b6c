package es.civica.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.content.ContentLoader;
import es.civica.content.Item;
import es.civica.content.Node;
import es.civica.content.Scenario;
import es.civica.content.Unit;
import es.civica.support.DeskClient;
import es.civica.support.PlayerClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

/** The desk's item and scenario analytics, computed from what learners really did in the player. */
class DeskAnalyticsFromPlayerTest {
  private static final String PASSWORD = "correcto-caballo-bateria";
  private static TestServer server;
  private static Unit unit4;
  private static final Map<String, int[]> sent = new HashMap<>(); // item → {right, answered}
  private static Scenario scenario;
  private static Node.Decision start;
  private static String best;
  private static String wrong;

  @BeforeAll
  static void play() throws Exception {
    server = TestServer.start();
    unit4 = ContentLoader.fromClasspath().unit(4).orElseThrow();
    scenario = unit4.scenario("u4-sc-alumbrado").orElseThrow();
    start = (Node.Decision) scenario.node(scenario.start()).orElseThrow();
    int top = start.choices().stream().mapToInt(c -> c.score()).max().orElseThrow();
    best = start.choices().stream().filter(c -> c.score() == top).findFirst().orElseThrow().id();
    wrong = start.choices().stream().filter(c -> c.score() < top).findFirst().orElseThrow().id();
    for (int k = 0; k < 6; k++) {
      PlayerClient p = PlayerClient.registered(server, "Learner" + k);
      p.postJson("/api/units/4/launch", new JsonObject());
      JsonObject attempt = p.postJson("/api/units/4/quiz/attempts", new JsonObject());
      String base = "/api/units/4/quiz/attempts/" + attempt.getString("id");
      int index = 0;
      for (Object o : attempt.getJsonArray("items")) {
        Item item = unit4.item(((JsonObject) o).getString("id")).orElseThrow();
        boolean right = (k + index++) % 3 != 0 || k == 0;
        p.postJson(base + "/answers", new JsonObject().put("item", item.id())
            .put("response", right ? PlayerApiTest.right(item) : PlayerApiTest.wrong(item)));
        int[] c = sent.computeIfAbsent(item.iri(), x -> new int[2]);
        c[0] += right ? 1 : 0;
        c[1]++;
      }
      JsonObject play = p.postJson("/api/units/4/scenarios/" + scenario.id() + "/plays", new JsonObject());
      p.postJson("/api/units/4/scenarios/" + scenario.id() + "/plays/" + play.getString("id") + "/choices",
          new JsonObject().put("node", start.id()).put("choice", k < 2 ? best : wrong));
    }
    DeskClient.bootstrap(server, DeskClient.account("admin@desk.example", "admin", PASSWORD));
    DeskClient.bootstrap(server, DeskClient.account("u1@desk.example", "school", PASSWORD)
        .put("units", new JsonArray().add(unit4.id().replaceAll("/4$", "/1"))));
    DeskClient.bootstrap(server, DeskClient.account("org@desk.example", "school", PASSWORD)
        .put("organisations", new JsonArray().add("ayto.example")));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static JsonObject get(String email, String path) throws Exception {
    DeskClient c = new DeskClient(server.baseUrl());
    assertEquals(200, c.signIn(email, PASSWORD).statusCode());
    var r = c.get(path);
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  @Test
  @DisplayName("item analysis of unit 4: every item's attempts and facility match the answers the learners gave")
  void itemAnalysis() throws Exception {
    JsonObject a = get("admin@desk.example", "/desk/api/analytics/units/4/items");
    assertEquals(6, a.getInteger("attempts"));
    assertEquals(sent.size(), a.getJsonArray("items").size());
    for (Object o : a.getJsonArray("items")) {
      JsonObject i = (JsonObject) o;
      int[] c = sent.get(i.getString("item"));
      assertNotNull(c, i.getString("item"));
      assertEquals(c[1], i.getInteger("attempts"));
      assertEquals(Math.round(10_000.0 * c[0] / c[1]) / 10_000.0, i.getDouble("facility"), 1e-9, i.encode());
      assertNotNull(i.getString("prompt"));
      if ("single-choice".equals(i.getString("type"))) {
        assertEquals(c[1], i.getJsonObject("choices").stream().mapToInt(e -> (Integer) e.getValue()).sum());
      }
    }
    assertEquals(a, get("org@desk.example", "/desk/api/analytics/units/4/items"), "the organisation's learners");
    assertEquals(0, get("u1@desk.example", "/desk/api/analytics/units/4/items").getInteger("attempts"),
        "a school of unit 1 sees nothing of unit 4's learners");
  }

  @Test
  @DisplayName("scenario decisions: the share of learners per choice at the first node, the most common wrong turn")
  void scenarioDecisions() throws Exception {
    JsonObject a = get("admin@desk.example", "/desk/api/analytics/units/4/scenarios");
    JsonObject sc = a.getJsonArray("scenarios").stream().map(o -> (JsonObject) o)
        .filter(s -> s.getString("id").equals(scenario.id())).findFirst().orElseThrow();
    assertEquals(6, sc.getInteger("learners"));
    JsonObject node = sc.getJsonArray("nodes").stream().map(o -> (JsonObject) o)
        .filter(n -> n.getString("id").equals(start.id())).findFirst().orElseThrow();
    assertEquals(6, node.getInteger("learners"));
    Map<String, JsonObject> choices = new HashMap<>();
    node.getJsonArray("choices").forEach(o -> choices.put(((JsonObject) o).getString("id"), (JsonObject) o));
    assertEquals(2, choices.get(best).getInteger("learners"));
    assertEquals(0.3333, choices.get(best).getDouble("share"), 1e-9);
    assertTrue(choices.get(best).getBoolean("best"));
    assertEquals(4, choices.get(wrong).getInteger("learners"));
    JsonObject turn = sc.getJsonObject("mostCommonWrongTurn");
    assertEquals(start.id(), turn.getString("node"));
    assertEquals(wrong, turn.getString("choice"));
    assertEquals(0.6667, turn.getDouble("share"), 1e-9);
  }
}
