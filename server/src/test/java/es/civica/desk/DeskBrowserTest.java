package es.civica.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.support.BrowserScript;
import es.civica.support.DeskClient;
import es.civica.support.LrsClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Drives the desks in Chromium (Playwright, axe-core) through {@code src/test/e2e/desk.e2e.js} against the real
 * server. Skipped when node, Chromium or the e2e packages are missing (as PlayerBrowserTest).
 */
class DeskBrowserTest {
  private static final String PASSWORD = "correcto-caballo-bateria";
  private static final String UNIT4 = DeskClient.UNIT + "4";
  private static TestServer server;
  private static LrsClient player;

  @BeforeAll
  static void start() throws Exception {
    BrowserScript.assumeAvailable();
    server = TestServer.start();
    player = server.credential("content", "all");
    assertEquals(201, DeskClient.bootstrap(server, DeskClient.account("admin@desk.example", "admin", PASSWORD)).statusCode());
    assertEquals(201, DeskClient.bootstrap(server, DeskClient.account("escuela@desk.example", "school", PASSWORD)
        .put("units", new JsonArray().add(UNIT4))).statusCode());
    assertEquals(201, DeskClient.bootstrap(server, DeskClient.account("rrhh@desk.example", "hr", PASSWORD)
        .put("organisations", new JsonArray().add("ayto-a.es"))).statusCode());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static JsonObject completion(String email, String verb, String unit) {
    return DeskApiTest.completion(email, verb, unit);
  }

  private static JsonObject pull(String key, String secret, String cursor) throws Exception {
    String q = cursor == null ? "" : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/desk/api/feed" + q))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret)
            .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("statements").stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  @Test
  @DisplayName("in the browser: a school signs in, creates a credential; a client pulls the feed with it twice and "
      + "the second pull gets exactly the new statements; the report shows a table, a chart and a CSV")
  void schoolCredentialAndFeed() throws Exception {
    JsonObject a = completion("ana@ayto-a.es", "passed", UNIT4);
    JsonObject b = completion("luis@ayto-a.es", "completed", UNIT4);
    player.store(a, completion("eva@otra.es", "passed", DeskClient.UNIT + "1"), b);

    JsonObject r = journey("school", "escuela@desk.example", Map.of());
    JsonObject first = pull(r.getString("key"), r.getString("secret"), null);
    assertEquals(List.of(a.getString("id"), b.getString("id")), ids(first));

    JsonObject c = completion("marta@ayto-a.es", "failed", UNIT4);
    player.store(c, completion("eva@otra.es", "completed", DeskClient.UNIT + "2"));
    JsonObject second = pull(r.getString("key"), r.getString("secret"), first.getString("cursor"));
    assertEquals(List.of(c.getString("id")), ids(second));

    JsonArray rows = r.getJsonArray("reportRows");
    assertEquals(1, rows.size(), rows.encode());
    assertEquals(List.of("4. ", "ayto-a.es", "1", "1", "0"), List.of(rows.getJsonArray(0).getString(0).substring(0, 3),
        rows.getJsonArray(0).getString(1), rows.getJsonArray(0).getString(2), rows.getJsonArray(0).getString(3),
        rows.getJsonArray(0).getString(4)));
    assertTrue(r.getString("csv").contains(UNIT4 + ",ayto-a.es,ayto-a.es,1,1,0"), r.getString("csv"));
    assertTrue(r.getInteger("treeChoices") > 3, "the scenario trees of unit 4 are drawn");
  }

  @Test
  @DisplayName("in the browser: the admin creates an organisation, an hr account scoped to it with the form, and "
      + "reads the audit log")
  void adminAccountsAndAudit() throws Exception {
    JsonObject r = journey("admin", "admin@desk.example", Map.of("NEW_EMAIL", "rrhh-b@desk.example"));
    assertTrue(r.getJsonArray("auditActions").contains("organisation.create"), r.encode());
    assertTrue(r.getJsonArray("auditActions").contains("staff.create"), r.encode());
    DeskClient admin = new DeskClient(server.baseUrl());
    assertEquals(200, admin.signIn("admin@desk.example", PASSWORD).statusCode());
    JsonObject account = new JsonArray(admin.get("/desk/api/staff").body()).stream().map(o -> (JsonObject) o)
        .filter(s -> s.getString("email").equals("rrhh-b@desk.example")).findFirst().orElseThrow();
    assertEquals(new JsonArray().add("ayto-b.es"), account.getJsonArray("organisations"), "the directory organisation");
    assertTrue(r.getJsonArray("auditActions").contains("signin.failed"), r.encode());
    DeskClient hrB = new DeskClient(server.baseUrl());
    assertEquals(200, hrB.signIn("rrhh-b@desk.example", "una-clave-bien-larga").statusCode());
  }

  @Test
  @DisplayName("in the browser: hr signs in, sees the report of its organisations in Spanish and Catalan, signs out")
  void hrReport() throws Exception {
    JsonObject r = journey("hr", "rrhh@desk.example", Map.of());
    assertEquals(2, r.getInteger("navCount"), "certificates and report");
  }

  private JsonObject journey(String name, String email, Map<String, String> env) throws Exception {
    return journey(server, name, email, PASSWORD, env);
  }

  /** Runs a journey of desk.e2e.js; asserts it passed with no serious axe violation and no external request. */
  static JsonObject journey(TestServer server, String name, String email, String password, Map<String, String> env)
      throws Exception {
    return BrowserScript.of(server, "desk.e2e.js", name).env("EMAIL", email).env("PASSWORD", password).env(env)
        .runAndCheckAxe();
  }
}
