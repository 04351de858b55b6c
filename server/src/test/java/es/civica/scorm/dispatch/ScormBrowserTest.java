package es.civica.scorm.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.content.ContentLoader;
import es.civica.content.Item;
import es.civica.content.Unit;
import es.civica.support.Answers;
import es.civica.support.BrowserScript;
import es.civica.support.LrsClient;
import es.civica.support.TempFolders;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The packages end to end in Chromium: {@code src/test/e2e/scorm.e2e.js} serves a page that plays the LMS (the
 * npm package scorm-again's runtime on window, the unzipped package beside it) on 127.0.0.1, another origin than
 * the server (localhost). The learner reads, leaves, relaunches at the same place, passes the unit 4 quiz and
 * finishes; the LMS runtime must end with completed + passed and the score, and our LRS must hold the matching
 * statements for the LMS account agent. Skipped without node, Chromium or the e2e packages (like PlayerBrowserTest).
 */
class ScormBrowserTest {
  private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
  private static TestServer server;
  private static LrsClient lrs;
  private static Unit unit4;
  private static Path work;
  private static int lmsPort;
  private static String lmsOrigin;

  @BeforeAll
  static void start() throws Exception {
    BrowserScript.assumeAvailable("playwright-core", "scorm-again");
    server = TestServer.startWithPublicUrl();
    lrs = server.credential("scorm-e2e-reader", "all/read");
    unit4 = ContentLoader.fromClasspath().unit(4).orElseThrow();
    try (ServerSocket socket = new ServerSocket(0)) {
      lmsPort = socket.getLocalPort();
    }
    lmsOrigin = "http://127.0.0.1:" + lmsPort;
    work = Files.createTempDirectory("civica-scorm-e2e");

    HttpClient http = HttpClient.newHttpClient();
    JsonObject body = new JsonObject().put("id", "e2e-lms").put("name", "LMS de pruebas")
        .put("origin", lmsOrigin).put("baseUrl", lmsOrigin + "/");
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/api/lms-registrations"))
        .header("Authorization", "Bearer " + TestServer.ADMIN_SECRET).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    for (String standard : new String[] {"scorm12", "scorm2004"}) {
      HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
              + "/scorm/packages/e2e-lms/unit-4/" + standard + ".zip"))
          .header("Authorization", "Bearer " + TestServer.ADMIN_SECRET).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, zip.statusCode());
      Path dir = Files.createDirectories(work.resolve("pkg").resolve(standard));
      for (Map.Entry<String, String> f : DispatchApiTest.unzip(zip.body()).entrySet()) {
        Files.createDirectories(dir.resolve(f.getKey()).getParent());
        Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      }
    }
    JsonObject items = new JsonObject();
    for (Item item : unit4.items()) {
      items.put(item.id(), new JsonObject().put("type", item.type().json()).put("right", Answers.right(item)));
    }
    Files.writeString(work.resolve("key.json"), new JsonObject().put("items", items).encode());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
      TempFolders.delete(work);
    }
  }

  @Test
  @DisplayName("SCORM 1.2 in scorm-again on another origin: bookmark, leave, resume at the same section, quiz passed, "
      + "LMS ends passed with the score and interactions without correct answers; statements for the LMS agent")
  void scorm12() throws Exception {
    JsonObject r = journey("scorm12");
    JsonObject first = r.getJsonObject("first");
    assertEquals("incomplete", first.getJsonObject("core").getString("lesson_status"));
    assertEquals("suspend", first.getJsonObject("core").getString("exit"));
    assertTrue(first.getString("suspend_data").length() < 200, first.getString("suspend_data"));
    JsonObject core = r.getJsonObject("final").getJsonObject("core");
    assertEquals("passed", core.getString("lesson_status"));
    assertEquals("", core.getString("exit"));
    double raw = Double.parseDouble(core.getJsonObject("score").getString("raw"));
    assertTrue(raw >= unit4.quiz().passMark() * 100, "raw " + raw);
    assertEquals("100", core.getJsonObject("score").getString("max"));
    assertTrue(core.getString("session_time").matches("\\d{2,4}:\\d{2}:\\d{2}(\\.\\d{1,2})?"), core.getString("session_time"));
    checkInteractions(r.getJsonObject("final").getJsonObject("interactions"), "student_response", "wrong");
    checkStatements(r.getString("learnerId"));
  }

  @Test
  @DisplayName("SCORM 2004 4th edition in scorm-again on another origin: the same journey ends completed + passed "
      + "with the scaled score")
  void scorm2004() throws Exception {
    JsonObject r = journey("scorm2004");
    JsonObject first = r.getJsonObject("first");
    assertEquals("incomplete", first.getString("completion_status"));
    assertEquals("suspend", first.getString("exit"));
    JsonObject last = r.getJsonObject("final");
    assertEquals("completed", last.getString("completion_status"));
    assertEquals("passed", last.getString("success_status"));
    assertEquals("normal", last.getString("exit"));
    double scaled = Double.parseDouble(last.getJsonObject("score").getString("scaled"));
    assertTrue(scaled >= unit4.quiz().passMark(), "scaled " + scaled);
    assertTrue(last.getString("session_time").startsWith("PT"), last.getString("session_time"));
    checkInteractions(last.getJsonObject("interactions"), "learner_response", "incorrect");
    checkStatements(r.getString("learnerId"));
  }

  /** One interaction per quiz item, each with the learner's response and a result, none with a correct answer. */
  private void checkInteractions(JsonObject interactions, String responseField, String wrongResult) {
    JsonObject list = interactions.getJsonObject("childArray", interactions);
    int count = 0;
    for (String k : list.fieldNames()) {
      if (!(list.getValue(k) instanceof JsonObject i) || !i.containsKey("id")) {
        continue;
      }
      count++;
      assertTrue(unit4.item(i.getString("id")).isPresent(), i.encode());
      assertFalse(i.getString(responseField, "").isEmpty(), i.encode());
      assertEquals("correct", i.getString("result"), i.encode());
      assertFalse(wrongResult.equals(i.getString("result")));
      JsonObject correct = i.getJsonObject("correct_responses", new JsonObject());
      assertTrue(correct.isEmpty() || correct.getJsonObject("childArray", new JsonObject()).isEmpty()
          || correct.encode().equals("{}"), "a correct answer reached the LMS: " + i.encode());
    }
    assertEquals(unit4.quiz().length(), count, interactions.encode());
  }

  private void checkStatements(String learnerId) throws Exception {
    String agent = new JsonObject().put("account", new JsonObject().put("homePage", lmsOrigin + "/")
        .put("name", learnerId)).encode();
    assertEquals(2, statements(agent, "launched").size());
    assertTrue(statements(agent, "suspended").size() >= 1);
    assertEquals(1, statements(agent, "resumed").size());
    // three sections read; the resumed one is shown (and experienced) again
    assertEquals(3, statements(agent, "experienced").stream()
        .map(s -> ((JsonObject) s).getJsonObject("object").getString("id")).distinct().count());
    assertEquals(unit4.quiz().length(), statements(agent, "answered").size());
    assertTrue(statements(agent, "passed").stream().anyMatch(s ->
        ((JsonObject) s).getJsonObject("object").getString("id").equals(unit4.id())));
    assertTrue(statements(agent, "terminated").size() >= 2);
  }

  @Test
  @DisplayName("cmi5 in a page that plays the LMS on another origin: fetch URL, LMS.LaunchData, the player in the AU, "
      + "quiz passed, back to the returnURL; the LMS's LRS holds initialized, completed, passed and terminated with "
      + "the launch's actor, registration and activity id")
  void cmi5() throws Exception {
    HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
            + "/scorm/packages/e2e-lms/unit-4/cmi5.zip"))
        .header("Authorization", "Bearer " + TestServer.ADMIN_SECRET).build(), HttpResponse.BodyHandlers.ofByteArray());
    String xml = DispatchApiTest.unzip(zip.body()).get("cmi5.xml");
    java.util.regex.Matcher url = java.util.regex.Pattern.compile("<url>([^<]+)</url>").matcher(xml);
    assertTrue(url.find(), xml);
    String auUrl = url.group(1).replace("&amp;", "&");
    LrsClient lmsLrs = server.credential("e2e-lms-lrs", "all");
    JsonObject r = journey("cmi5", Map.of("AU_URL", auUrl, "LRS_KEY", lmsLrs.key(), "LRS_SECRET", lmsLrs.secret()));
    assertTrue(r.getBoolean("passedShown"));
    JsonObject launch = r.getJsonObject("cmi5");
    String actor = launch.getJsonObject("actor").encode();
    Map<String, JsonObject> byVerb = new java.util.HashMap<>();
    for (int i = 0; i < 50 && byVerb.size() < 4; i++) {
      HttpResponse<String> q = lrs.get("/statements", Map.of("agent", actor, "registration", launch.getString("registration")));
      new JsonObject(q.body()).getJsonArray("statements").forEach(o -> byVerb.put(((JsonObject) o).getJsonObject("verb")
          .getString("id").substring(VERBS.length()), (JsonObject) o));
      Thread.sleep(100);
    }
    assertEquals(java.util.Set.of("initialized", "completed", "passed", "terminated"), byVerb.keySet());
    for (JsonObject s : byVerb.values()) {
      assertEquals(launch.getString("activityId"), s.getJsonObject("object").getString("id"));
      assertTrue(s.getJsonObject("context").getJsonObject("contextActivities").getJsonArray("category").encode()
          .contains(Cmi5Forwarder.CATEGORY_CMI5));
      assertEquals("e2e-session", s.getJsonObject("context").getJsonObject("extensions")
          .getString("https://w3id.org/xapi/cmi5/context/extensions/sessionid"));
    }
    assertTrue(byVerb.get("passed").getJsonObject("result").getJsonObject("score").getDouble("scaled")
        >= unit4.quiz().passMark());
    // the player's own statements: the LMS learner as the account agent of the registration's base URL
    String agent = new JsonObject().put("account", new JsonObject().put("homePage", lmsOrigin + "/")
        .put("name", r.getString("learnerId"))).encode();
    assertEquals(unit4.quiz().length(), statements(agent, "answered").size());
  }

  private JsonObject journey(String standard) throws Exception {
    return journey(standard, Map.of());
  }

  private JsonObject journey(String standard, Map<String, String> env) throws Exception {
    // run(), not runAndCheckAxe(): scorm.e2e.js runs no axe check, its report has no "axe"
    return BrowserScript.of(server, "scorm.e2e.js", standard).env("LMS_PORT", String.valueOf(lmsPort))
        .env("PKG_DIR", work.resolve("pkg").toAbsolutePath().toString())
        .env("KEY_FILE", work.resolve("key.json").toAbsolutePath().toString()).env(env).run();
  }

  private JsonArray statements(String agent, String verb) throws Exception {
    HttpResponse<String> r = lrs.get("/statements", Map.of("agent", agent, "verb", VERBS + verb, "limit", "500"));
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body()).getJsonArray("statements");
  }
}
