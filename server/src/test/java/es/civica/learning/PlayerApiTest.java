package es.civica.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.content.ContentLoader;
import es.civica.content.Course;
import es.civica.content.Item;
import es.civica.content.Node;
import es.civica.content.Scenario;
import es.civica.content.Unit;
import es.civica.support.LrsClient;
import es.civica.support.PlayerClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

class PlayerApiTest {
  private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
  private static TestServer server;
  private static LrsClient lrs;
  private static Course course;
  private static Unit unit4;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    lrs = server.credential("analytics", "all/read");
    course = ContentLoader.fromClasspath();
    unit4 = course.unit(4).orElseThrow();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("the catalogue lists the five units with titles, objectives and lesson titles; lessons carry Markdown")
  void catalogueAndLesson() throws Exception {
    PlayerClient anyone = new PlayerClient(server.baseUrl());
    JsonObject c = anyone.getJson("/api/course");
    assertEquals(5, c.getJsonArray("units").size());
    JsonObject u4 = c.getJsonArray("units").getJsonObject(3);
    assertEquals(unit4.title(), u4.getString("title"));
    assertFalse(u4.getJsonArray("objectives").isEmpty());
    String lessonId = u4.getJsonArray("lessons").getJsonObject(0).getString("id");
    JsonObject lesson = anyone.getJson("/api/units/4/lessons/" + lessonId);
    assertFalse(lesson.getJsonArray("sections").getJsonObject(0).getString("body").isBlank());
    assertEquals(404, anyone.get("/api/units/9/lessons/" + lessonId).statusCode());
    assertEquals("Unidades del curso", anyone.getJson("/api/i18n/es").getString("catalogue.title"));
    assertEquals(401, anyone.get("/api/progress").statusCode());
  }

  @Test
  @DisplayName("a quiz attempt reaches the browser without answer key or feedback, ordering steps shuffled")
  void noAnswerKeyLeaks() throws Exception {
    PlayerClient ana = PlayerClient.registered(server, "Ana");
    JsonObject attempt = ana.postJson("/api/units/4/quiz/attempts", new JsonObject());
    String json = attempt.encode();
    for (String secret : List.of("\"correct\"", "\"feedback\"", "\"pairs\"", "\"acceptedAnswers\"",
        "feedbackCorrect", "feedbackIncorrect", "\"source\"", "\"seed\"")) {
      assertFalse(json.contains(secret), "attempt JSON leaks " + secret);
    }
    assertEquals(unit4.quiz().length(), attempt.getJsonArray("items").size());
    // ordering items: never in the correct order; in a fresh draw of every ordering item of the bank
    for (Object o : attempt.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      if (item.getString("type").equals("ordering")) {
        List<String> shown = item.getJsonArray("steps").stream().map(s -> ((JsonObject) s).getString("id")).toList();
        assertNotEquals(unit4.item(item.getString("id")).orElseThrow().steps().stream().map(Item.Step::id).toList(),
            shown);
      }
    }
    // the same attempt comes back on reload, unchanged (resume)
    assertEquals(attempt, ana.postJson("/api/units/4/quiz/attempts", new JsonObject()));
    assertEquals(attempt, ana.getJson("/api/units/4/quiz/attempts/" + attempt.getString("id")));
  }

  @Test
  @DisplayName("a scenario node reaches the browser without next nodes, effects, scores or tiers")
  void scenarioNodeHasNoOutcomes() throws Exception {
    PlayerClient bea = PlayerClient.registered(server, "Bea");
    JsonObject play = bea.postJson("/api/units/4/scenarios/u4-sc-alumbrado/plays", new JsonObject());
    String json = play.getJsonObject("node").encode();
    for (String secret : List.of("\"next\"", "\"effects\"", "\"score\"", "\"tier\"", "\"feedback\"", "\"routes\"")) {
      assertFalse(json.contains(secret), "node JSON leaks " + secret);
    }
    assertEquals("decision", play.getJsonObject("node").getString("type"));
  }

  @Test
  @DisplayName("answering right passes the quiz; statements answered, passed and completed land in the LRS; "
      + "progress comes from them")
  void passQuizAndStatements() throws Exception {
    PlayerClient carla = PlayerClient.registered(server, "Carla");
    JsonObject me = carla.getJson("/api/me");
    carla.postJson("/api/units/4/launch", new JsonObject());
    JsonObject attempt = carla.postJson("/api/units/4/quiz/attempts", new JsonObject());
    String base = "/api/units/4/quiz/attempts/" + attempt.getString("id");
    JsonObject last = null;
    for (Object o : attempt.getJsonArray("items")) {
      Item item = unit4.item(((JsonObject) o).getString("id")).orElseThrow();
      last = carla.postJson(base + "/answers", new JsonObject().put("item", item.id()).put("response", right(item)));
      assertTrue(last.getJsonObject("feedback").getBoolean("correct"), item.id());
    }
    assertEquals("passed", last.getJsonObject("attempt").getString("status"));
    assertEquals(1.0, last.getJsonObject("attempt").getDouble("score"));

    String agent = new JsonObject().put("account", new JsonObject()
        .put("homePage", server.app().settings().publicUrl()).put("name", me.getString("id"))).encode();
    JsonArray answered = statements(agent, "answered");
    assertEquals(unit4.quiz().length(), answered.size());
    JsonObject one = answered.getJsonObject(0);
    assertEquals("http://adlnet.gov/expapi/activities/cmi.interaction",
        one.getJsonObject("object").getJsonObject("definition").getString("type"));
    assertNotNull(one.getJsonObject("result").getString("response"));
    assertEquals(unit4.quiz().iri(), one.getJsonObject("context").getJsonObject("contextActivities")
        .getJsonArray("parent").getJsonObject(0).getString("id"));
    assertEquals("Cívica", one.getJsonObject("context").getString("platform"));
    assertNotNull(one.getJsonObject("context").getString("registration"));
    assertEquals(2, statements(agent, "passed").size());   // quiz and unit
    assertEquals(2, statements(agent, "completed").size());
    assertEquals(2, statements(agent, "launched").size() + statements(agent, "initialized").size());

    JsonObject progress = carla.getJson("/api/progress");
    assertEquals("passed", progress.getJsonArray("units").getJsonObject(3).getString("status"));
    assertEquals(1, progress.getInteger("passed"));
    // no retake after a pass; no answer after completion
    assertEquals(409, carla.post("/api/units/4/quiz/attempts", new JsonObject()).statusCode());
    Item first = unit4.item(attempt.getJsonArray("items").getJsonObject(0).getString("id")).orElseThrow();
    assertEquals(409, carla.post(base + "/answers",
        new JsonObject().put("item", first.id()).put("response", right(first))).statusCode());
  }

  @Test
  @DisplayName("forged requests are refused: an item not drawn, a second answer, another learner's attempt, "
      + "a malformed answer, no session")
  void forgedRequestsAreRefused() throws Exception {
    PlayerClient dani = PlayerClient.registered(server, "Dani");
    PlayerClient eva = PlayerClient.registered(server, "Eva");
    JsonObject attempt = dani.postJson("/api/units/4/quiz/attempts", new JsonObject());
    String base = "/api/units/4/quiz/attempts/" + attempt.getString("id");
    List<String> drawn = attempt.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")).toList();
    Item notDrawn = unit4.items().stream().filter(i -> !drawn.contains(i.id())).findFirst().orElseThrow();
    assertEquals(400, dani.post(base + "/answers",
        new JsonObject().put("item", notDrawn.id()).put("response", right(notDrawn))).statusCode());

    Item first = unit4.item(drawn.get(0)).orElseThrow();
    assertEquals(404, eva.post(base + "/answers",
        new JsonObject().put("item", first.id()).put("response", right(first))).statusCode());
    assertEquals(404, eva.get(base).statusCode());
    assertEquals(400, dani.post(base + "/answers",
        new JsonObject().put("item", first.id()).put("response", new JsonObject().put("x", 1))).statusCode());
    assertEquals(200, dani.post(base + "/answers",
        new JsonObject().put("item", first.id()).put("response", wrong(first))).statusCode());
    assertEquals(409, dani.post(base + "/answers",
        new JsonObject().put("item", first.id()).put("response", right(first))).statusCode());
    assertEquals(401, new PlayerClient(server.baseUrl()).post(base + "/answers",
        new JsonObject().put("item", first.id()).put("response", right(first))).statusCode());
    HttpResponse<String> form = new PlayerClient(server.baseUrl()).get("/api/me");
    assertEquals(401, form.statusCode());
  }

  @Test
  @DisplayName("failing uses up the attempts; a fresh draw each time; the unit fails with the last one; the attempt after the limit is refused")
  void attemptLimit() throws Exception {
    PlayerClient fran = PlayerClient.registered(server, "Fran");
    List<List<String>> draws = new ArrayList<>();
    for (int n = 1; n <= unit4.quiz().maxAttempts(); n++) {
      JsonObject attempt = fran.postJson("/api/units/4/quiz/attempts", new JsonObject());
      assertEquals(n, attempt.getInteger("number"));
      String base = "/api/units/4/quiz/attempts/" + attempt.getString("id");
      List<String> ids = new ArrayList<>();
      JsonObject last = null;
      for (Object o : attempt.getJsonArray("items")) {
        Item item = unit4.item(((JsonObject) o).getString("id")).orElseThrow();
        ids.add(item.id());
        last = fran.postJson(base + "/answers", new JsonObject().put("item", item.id()).put("response", wrong(item)));
        assertFalse(last.getJsonObject("feedback").getBoolean("correct"), item.id());
      }
      assertEquals("failed", last.getJsonObject("attempt").getString("status"));
      // the unit itself fails only when the last attempt fails; before that it is still in progress
      String unitStatus = fran.getJson("/api/progress").getJsonArray("units").getJsonObject(3).getString("status");
      assertEquals(n < unit4.quiz().maxAttempts() ? "inProgress" : "failed", unitStatus, "after attempt " + n);
      Collections.sort(ids);
      draws.add(ids);
    }
    assertTrue(draws.stream().distinct().count() > 1, "every attempt drew the same items");
    HttpResponse<String> over = fran.post("/api/units/4/quiz/attempts", new JsonObject());
    assertEquals(403, over.statusCode());
    JsonObject summary = fran.getJson("/api/units/4/quiz");
    assertEquals(0, summary.getInteger("attemptsLeft"));
    assertFalse(summary.getBoolean("passed"));
    assertNull(summary.getString("current"));
  }

  @Test
  @DisplayName("a complaint scenario played to its best ending: server-side path, one statement per choice, "
      + "the ending cites a lesson section")
  void scenarioToBestEnding() throws Exception {
    PlayerClient gema = PlayerClient.registered(server, "Gema");
    JsonObject me = gema.getJson("/api/me");
    Scenario scenario = unit4.scenario("u4-sc-alumbrado").orElseThrow();
    List<String> path = bestPath(scenario, ScenarioEngine.start(scenario), new ArrayList<>());
    assertNotNull(path, "no best path found");
    String base = "/api/units/4/scenarios/" + scenario.id() + "/plays";
    JsonObject play = gema.postJson(base, new JsonObject());
    String playUrl = base + "/" + play.getString("id");
    // a choice at a node that is not the current one is refused
    assertEquals(409, gema.post(playUrl + "/choices", new JsonObject().put("node", "nope").put("choice", "a"))
        .statusCode());
    for (String step : path) {
      String[] nc = step.split(":");
      assertEquals(nc[0], play.getJsonObject("node").getString("id"));
      play = gema.postJson(playUrl + "/choices", new JsonObject().put("node", nc[0]).put("choice", nc[1]));
    }
    assertEquals("ended", play.getString("status"));
    assertEquals("best", play.getJsonObject("node").getString("tier"));
    assertNotNull(play.getJsonObject("node").getJsonObject("lessonRef").getString("title"));
    assertEquals(path.size(), play.getJsonArray("history").size());
    // resumable: the play comes back from the server as it is
    assertEquals(play, gema.getJson(playUrl));
    assertEquals(409, gema.post(playUrl + "/choices", new JsonObject().put("node", "n1").put("choice", "a"))
        .statusCode());

    String agent = new JsonObject().put("account", new JsonObject()
        .put("homePage", server.app().settings().publicUrl()).put("name", me.getString("id"))).encode();
    JsonArray responded = statements(agent, "responded");
    assertEquals(path.size(), responded.size());
    JsonObject ext = responded.getJsonObject(0).getJsonObject("result").getJsonObject("extensions");
    assertTrue(ext.containsKey(Tracker.EXT + "path-score"));
    assertTrue(ext.containsKey(Tracker.EXT + "metric-changes"));
    assertTrue(ext.containsKey(Tracker.EXT + "node"));
    JsonArray completed = statements(agent, "completed");
    assertEquals("best", completed.getJsonObject(0).getJsonObject("result").getJsonObject("extensions")
        .getString(Tracker.EXT + "tier"));
  }

  @Test
  @DisplayName("reading a section records experienced and progressed, and the resume point")
  void sectionsAndResume() throws Exception {
    PlayerClient hugo = PlayerClient.registered(server, "Hugo");
    String section = unit4.lessons().get(1).sections().get(0).id();
    JsonObject p = hugo.postJson("/api/units/4/sections/" + section + "/experienced", new JsonObject());
    assertEquals(1, p.getInteger("sectionsDone"));
    assertTrue(p.getInteger("percent") > 0);
    JsonObject launch = hugo.postJson("/api/units/4/launch", new JsonObject());
    assertEquals(section, launch.getJsonObject("resume").getString("section"));
    assertEquals("inProgress", hugo.getJson("/api/progress").getJsonArray("units").getJsonObject(3)
        .getString("status"));
    assertEquals(404, hugo.post("/api/units/4/sections/u1-l1-s1/experienced", new JsonObject()).statusCode());
    hugo.postJson("/api/units/4/terminate", new JsonObject());
    String agent = new JsonObject().put("account", new JsonObject().put("homePage", server.app().settings().publicUrl())
        .put("name", hugo.getJson("/api/me").getString("id"))).encode();
    assertEquals(1, statements(agent, "resumed").size());     // the launch came after the first visit
    JsonObject suspended = statements(agent, "suspended").getJsonObject(0);
    assertTrue(suspended.getJsonObject("result").getJsonObject("extensions").getInteger(Tracker.PROGRESS) > 0);
    assertEquals(1, statements(agent, "terminated").size());
  }

  @Test
  @DisplayName("five wrong passwords lock the email for a while, even for the right password")
  void signInThrottle() throws Exception {
    PlayerClient c = new PlayerClient(server.baseUrl());
    JsonObject account = new JsonObject().put("email", "jon@ayto.example").put("name", "Jon")
        .put("password", "una-clave-larga");
    assertEquals(201, c.post("/api/auth/register", account).statusCode());
    for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
      assertEquals(401, c.post("/api/auth/signin", account.copy().put("password", "mala-" + i)).statusCode());
    }
    HttpResponse<String> locked = c.post("/api/auth/signin", account);
    assertEquals(429, locked.statusCode());
    assertTrue(new JsonObject(locked.body()).getInteger("minutes") > 0);
  }

  @Test
  @DisplayName("state-changing requests must be JSON (no cross-site form posts); a taken email is refused")
  void accountRules() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var form = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl()
            + "/api/auth/signin")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("email=a&password=b")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(415, form.statusCode());
    PlayerClient c = new PlayerClient(server.baseUrl());
    JsonObject account = new JsonObject().put("email", "ines@ayto.example").put("name", "Inés")
        .put("password", "una-clave-larga");
    assertEquals(201, c.post("/api/auth/register", account).statusCode());
    assertEquals(409, c.post("/api/auth/register", account).statusCode());
    assertEquals(401, c.post("/api/auth/signin", account.copy().put("password", "otra-clave")).statusCode());
    HttpResponse<String> ok = c.post("/api/auth/signin", account);
    assertEquals(200, ok.statusCode());
    String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.toLowerCase().contains("httponly") && cookie.contains("SameSite=Lax"), cookie);
  }

  @Test
  @DisplayName("the engagement simulation runs on the server: defaults miss the target, good settings meet it, "
      + "bad input is refused, the debrief and the model stay on the server until the target is met")
  void engagementSimulation() throws Exception {
    PlayerClient ivan = PlayerClient.registered(server, "Ivan");
    JsonObject me = ivan.getJson("/api/me");
    String base = "/api/units/4/simulations/u4-sim-engagement";
    JsonObject overview = ivan.getJson(base);
    String json = overview.encode();
    assertFalse(json.contains("\"model\""), "model parameters leak");
    assertFalse(overview.containsKey("debrief"));
    assertEquals(5, overview.getJsonArray("controls").size());
    JsonObject defaults = new JsonObject();
    overview.getJsonArray("controls").forEach(c -> defaults.put(((JsonObject) c).getString("id"),
        ((JsonObject) c).getValue("default")));
    JsonObject first = ivan.postJson(base + "/runs", new JsonObject().put("controls", defaults));
    assertFalse(first.getBoolean("targetMet"));
    assertEquals(4, first.getJsonArray("weeks").size());
    assertNull(first.getString("debrief"));

    JsonObject good = new JsonObject().put("postsPerWeek", 8)
        .put("timeSlots", new JsonArray().add("midday").add("afternoon"))
        .put("contentMix", new JsonObject().put("serviceInfo", 50).put("citizenAnswers", 25)
            .put("participation", 20).put("propaganda", 5))
        .put("responseTime", "4h").put("channels", new JsonArray().add("x").add("facebook").add("instagram"));
    JsonObject second = ivan.postJson(base + "/runs", new JsonObject().put("controls", good));
    assertTrue(second.getBoolean("targetMet"));
    assertEquals(2, second.getInteger("run"));
    assertNotNull(second.getString("debrief"));
    assertEquals(400, ivan.post(base + "/runs", new JsonObject().put("controls", good.copy().put("postsPerWeek", 99)))
        .statusCode());
    assertEquals(400, ivan.post(base + "/runs", new JsonObject().put("controls", "x")).statusCode());
    assertTrue(ivan.getJson(base).getBoolean("targetMet"));

    String agent = new JsonObject().put("account", new JsonObject()
        .put("homePage", server.app().settings().publicUrl()).put("name", me.getString("id"))).encode();
    assertEquals(2, statements(agent, "interacted").size());
    assertEquals(1, statements(agent, "completed").size());
  }

  private JsonArray statements(String agent, String verb) throws Exception {
    HttpResponse<String> r = lrs.get("/statements", Map.of("agent", agent, "verb", VERBS + verb, "limit", "500"));
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body()).getJsonArray("statements");
  }

  /** A depth-first search for choices leading to a best ending: ["n1:a", …]. */
  static List<String> bestPath(Scenario scenario, ScenarioEngine.State state, List<String> taken) {
    Node node = scenario.node(state.node()).orElseThrow();
    if (node instanceof Node.Ending e) {
      return e.tier() == Node.Tier.BEST ? taken : null;
    }
    for (var choice : ((Node.Decision) node).choices()) {
      List<String> next = new ArrayList<>(taken);
      next.add(node.id() + ":" + choice.id());
      List<String> found = bestPath(scenario, ScenarioEngine.choose(scenario, state, node.id(), choice.id()).after(),
          next);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  static Object right(Item item) {
    return switch (item.type()) {
      case SINGLE_CHOICE, TRUE_FALSE -> item.correctOptionIds().get(0);
      case MULTIPLE_RESPONSE -> new JsonArray(item.correctOptionIds());
      case MATCHING -> {
        JsonObject m = new JsonObject();
        item.pairs().forEach(p -> m.put(p.source(), p.target()));
        yield m;
      }
      case ORDERING -> new JsonArray(item.steps().stream().map(Item.Step::id).toList());
      case FILL_IN -> "  " + Item.normalise(item.acceptedAnswers().get(0)).toUpperCase() + " ";
    };
  }

  static Object wrong(Item item) {
    return switch (item.type()) {
      case SINGLE_CHOICE, TRUE_FALSE -> item.options().stream().filter(o -> !o.correct()).findFirst().orElseThrow()
          .id();
      case MULTIPLE_RESPONSE -> new JsonArray().add(item.correctOptionIds().get(0));
      case MATCHING -> {
        JsonObject m = new JsonObject();
        List<Item.Pair> pairs = item.pairs();
        for (int i = 0; i < pairs.size(); i++) {
          m.put(pairs.get(i).source(), pairs.get((i + 1) % pairs.size()).target());
        }
        yield m;
      }
      case ORDERING -> {
        List<String> ids = new ArrayList<>(item.steps().stream().map(Item.Step::id).toList());
        Collections.reverse(ids);
        yield new JsonArray(ids);
      }
      case FILL_IN -> "respuesta equivocada";
    };
  }
}
