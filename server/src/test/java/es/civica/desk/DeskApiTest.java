package es.civica.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.UUID;

class DeskApiTest {
  private static final String PASSWORD = "correcto-caballo-bateria";
  private static TestServer server;
  private static LrsClient player;
  private static DeskClient admin;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    player = server.credential("content", "all");
    assertEquals(201, DeskClient.bootstrap(server, DeskClient.account("admin@desk.example", "admin", PASSWORD))
        .statusCode());
    admin = new DeskClient(server.baseUrl());
    assertEquals(200, admin.signIn("admin@desk.example", PASSWORD).statusCode());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** A completion statement by a learner identified by e-mail (organisation: the domain). */
  static JsonObject completion(String email, String verb, String object) {
    return LrsClient.statement("x", verb, object).put("actor", new JsonObject().put("objectType", "Agent")
        .put("name", email).put("mbox", "mailto:" + email));
  }

  static HttpResponse<String> pull(LrsCredential c, String cursor, int limit) throws Exception {
    String q = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/desk/api/feed" + q))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((c.key + ":" + c.secret)
            .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  record LrsCredential(long id, String key, String secret) {
    static LrsCredential of(HttpResponse<String> r) {
      JsonObject j = new JsonObject(r.body());
      return new LrsCredential(j.getLong("id"), j.getString("key"), j.getString("secret"));
    }
  }

  private static DeskClient newAccount(String email, String role, JsonObject scope) throws Exception {
    HttpResponse<String> r = admin.post("/desk/api/staff", DeskClient.account(email, role, PASSWORD).mergeIn(scope));
    assertEquals(201, r.statusCode(), r.body());
    DeskClient c = new DeskClient(server.baseUrl());
    assertEquals(200, c.signIn(email, PASSWORD).statusCode());
    return c;
  }

  private static List<String> ids(JsonArray statements) {
    return statements.stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  @Test
  @DisplayName("the admin API needs the admin secret to bootstrap accounts")
  void bootstrapNeedsSecret() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/admin/api/desk-users")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(DeskClient.account("x@y.es", "admin", PASSWORD).encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, r.statusCode());
  }

  @Test
  @DisplayName("the session cookie is HttpOnly, SameSite=Strict and scoped to /desk; state changes need the CSRF token")
  void cookieAndCsrf() throws Exception {
    DeskClient c = new DeskClient(server.baseUrl());
    HttpClient raw = HttpClient.newHttpClient();
    HttpResponse<String> r = raw.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/desk/api/signin"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            new JsonObject().put("email", "admin@desk.example").put("password", PASSWORD).encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    String cookie = r.headers().firstValue("set-cookie").orElseThrow();
    assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertTrue(cookie.contains("Path=/desk"), cookie);
    assertFalse(cookie.toLowerCase().contains("secure"), "plain http in tests: " + cookie);

    JsonObject account = DeskClient.account("csrf@desk.example", "hr", PASSWORD)
        .put("organisations", new JsonArray().add("ayto-a.es"));
    assertEquals(403, admin.postWithoutCsrf("/desk/api/staff", account).statusCode());
    assertEquals(401, c.post("/desk/api/staff", account).statusCode(), "no session");
    assertEquals(201, admin.post("/desk/api/staff", account).statusCode());
  }

  @Test
  @DisplayName("five wrong passwords in a row lock the account, even against the right password")
  void lockout() throws Exception {
    newAccount("locked@desk.example", "hr", new JsonObject().put("organisations", new JsonArray().add("ayto-b.es")));
    DeskClient c = new DeskClient(server.baseUrl());
    for (int i = 0; i < 4; i++) {
      assertEquals(401, c.signIn("locked@desk.example", "wrong-" + i).statusCode());
    }
    HttpResponse<String> fifth = c.signIn("locked@desk.example", "wrong-5");
    assertEquals(429, fifth.statusCode());
    assertTrue(fifth.headers().firstValue("Retry-After").isPresent());
    assertEquals(429, c.signIn("locked@desk.example", PASSWORD).statusCode());

    JsonArray entries = new JsonObject(admin.get("/desk/api/audit").body()).getJsonArray("entries");
    assertTrue(entries.stream().map(o -> (JsonObject) o).anyMatch(e -> e.getString("action").equals("signin.locked")
        && e.getString("target").equals("locked@desk.example")));
  }

  @Test
  @DisplayName("roles: hr may not create credentials nor read the audit log; school may not manage accounts")
  void roles() throws Exception {
    DeskClient hr = newAccount("hr@desk.example", "hr", new JsonObject().put("organisations", new JsonArray().add("ayto-c.es")));
    assertEquals(403, hr.post("/desk/api/credentials", new JsonObject().put("label", "x")).statusCode());
    assertEquals(403, hr.get("/desk/api/audit").statusCode());
    DeskClient school = newAccount("roles-school@desk.example", "school",
        new JsonObject().put("units", new JsonArray().add(DeskClient.UNIT + "1")));
    assertEquals(403, school.get("/desk/api/staff").statusCode());
    assertEquals(400, admin.post("/desk/api/staff", DeskClient.account("u@desk.example", "school", PASSWORD)
        .put("units", new JsonArray().add("https://elsewhere.example/unit/1"))).statusCode());
  }

  @Test
  @DisplayName("a school creates a credential and pulls the feed twice: the second pull gets exactly the new statements")
  void schoolFeed() throws Exception {
    DeskClient school = newAccount("escuela@desk.example", "school",
        new JsonObject().put("units", new JsonArray().add(DeskClient.UNIT + "4")).put("organisations",
            new JsonArray().add("ayto-feed.es")));
    HttpResponse<String> created = school.post("/desk/api/credentials", new JsonObject().put("label", "Moodle sync"));
    assertEquals(201, created.statusCode(), created.body());
    LrsCredential cred = LrsCredential.of(created);

    JsonObject mine1 = completion("ana@otra.es", "passed", DeskClient.UNIT + "4");
    JsonObject mine2 = completion("luis@ayto-feed.es", "completed", DeskClient.UNIT + "2");
    JsonObject notMine = completion("eva@otra.es", "completed", DeskClient.UNIT + "1");
    JsonObject notCompletion = completion("ana@otra.es", "experienced", DeskClient.UNIT + "4");
    player.store(mine1, notMine, notCompletion, mine2);

    HttpResponse<String> first = pull(cred, null, 100);
    assertEquals(200, first.statusCode(), first.body());
    JsonObject page1 = new JsonObject(first.body());
    assertEquals(List.of(mine1.getString("id"), mine2.getString("id")), ids(page1.getJsonArray("statements")));

    JsonObject mine3 = completion("ana@otra.es", "completed", DeskClient.UNIT + "4");
    JsonObject mine4 = completion("marta@ayto-feed.es", "failed", DeskClient.UNIT + "3");
    player.store(mine3);
    player.store(completion("eva@otra.es", "passed", DeskClient.UNIT + "5"));
    player.store(mine4);

    JsonObject page2 = new JsonObject(pull(cred, page1.getString("cursor"), 100).body());
    assertEquals(List.of(mine3.getString("id"), mine4.getString("id")), ids(page2.getJsonArray("statements")));
    JsonObject page3 = new JsonObject(pull(cred, page2.getString("cursor"), 100).body());
    assertEquals(0, page3.getJsonArray("statements").size());
    assertEquals(page2.getString("cursor"), page3.getString("cursor"));

    // paging: limit 1 walks the same statements one by one
    JsonObject p = new JsonObject(pull(cred, null, 1).body());
    assertTrue(p.getBoolean("more"));
    assertEquals(List.of(mine1.getString("id")), ids(p.getJsonArray("statements")));

    // the credential is read-only and sees nothing else through /xapi
    LrsClient asLrs = new LrsClient(server.baseUrl() + "/xapi", cred.key(), cred.secret(), cred.id());
    assertEquals(0, asLrs.query(Map.of()).getJsonArray("statements").size());
    assertEquals(403, asLrs.post("/statements", completion("z@z.es", "passed", DeskClient.UNIT + "4").encode())
        .statusCode());

    assertEquals(400, pull(cred, "not-a-cursor", 10).statusCode());
    assertEquals(401, pull(new LrsCredential(0, cred.key(), "wrong"), null, 10).statusCode());

    // rotate: the old secret stops working, the new one continues from the same cursor
    HttpResponse<String> rotated = school.post("/desk/api/credentials/" + cred.id() + "/rotate", new JsonObject());
    assertEquals(201, rotated.statusCode(), rotated.body());
    LrsCredential fresh = LrsCredential.of(rotated);
    assertNotEquals(cred.key(), fresh.key());
    assertEquals(401, pull(cred, null, 10).statusCode());
    assertEquals(200, pull(fresh, page2.getString("cursor"), 10).statusCode());

    // another school cannot touch it; the owner revokes it
    DeskClient other = newAccount("otra-escuela@desk.example", "school",
        new JsonObject().put("units", new JsonArray().add(DeskClient.UNIT + "1")));
    assertEquals(404, other.delete("/desk/api/credentials/" + fresh.id()).statusCode());
    assertEquals(204, school.delete("/desk/api/credentials/" + fresh.id()).statusCode());
    assertEquals(401, pull(fresh, null, 10).statusCode());

    // report: per unit and organisation, only what the school sees
    JsonArray lines = new JsonObject(school.get("/desk/api/report").body()).getJsonArray("lines");
    assertTrue(lines.stream().map(o -> (JsonObject) o).noneMatch(l -> l.getString("unit").endsWith("/unit/1")
        || l.getString("unit").endsWith("/unit/5")), lines.encode());
    JsonObject unit4 = lines.stream().map(o -> (JsonObject) o)
        .filter(l -> l.getString("unit").equals(DeskClient.UNIT + "4") && "otra.es".equals(l.getString("organisation")))
        .findFirst().orElseThrow();
    assertEquals(1, unit4.getLong("passed"));
    assertEquals(1, unit4.getLong("completed"));
    HttpResponse<String> csv = school.get("/desk/api/report?format=csv");
    assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    assertTrue(csv.body().contains("unit,organisation,organisation_name,completed,passed,failed"));
    assertTrue(csv.body().contains(DeskClient.UNIT + "3,ayto-feed.es,ayto-feed.es,0,0,1"), csv.body());

    // every action is in the audit log, exportable as CSV
    HttpResponse<String> audit = admin.get("/desk/api/audit?format=csv");
    assertEquals(200, audit.statusCode());
    for (String action : List.of("credential.create", "credential.rotate", "credential.revoke", "staff.create")) {
      assertTrue(audit.body().contains("escuela@desk.example," + action) || audit.body().contains("," + action + ","),
          action + " in " + audit.body());
    }
  }

  @Test
  @DisplayName("voiding a completion reaches the schools that saw it through the feed, and leaves the report")
  void voidingInTheFeed() throws Exception {
    DeskClient school = newAccount("voiding@desk.example", "school",
        new JsonObject().put("organisations", new JsonArray().add("ayto-void.es")));
    LrsCredential cred = LrsCredential.of(school.post("/desk/api/credentials", new JsonObject().put("label", "v")));
    JsonObject done = completion("rosa@ayto-void.es", "passed", DeskClient.UNIT + "3");
    player.store(done);
    JsonObject first = new JsonObject(pull(cred, null, 100).body());
    assertEquals(List.of(done.getString("id")), ids(first.getJsonArray("statements")));
    assertEquals(1, new JsonObject(school.get("/desk/api/report").body()).getJsonArray("lines").size());

    JsonObject voiding = LrsClient.statement("x", "voided", "http://example.org/unused")
        .put("actor", new JsonObject().put("mbox", "mailto:admin@ayto-void.es"))
        .put("object", new JsonObject().put("objectType", "StatementRef").put("id", done.getString("id")));
    voiding.getJsonObject("verb").put("id", "http://adlnet.gov/expapi/verbs/voided");
    player.store(voiding);
    player.store(completion("otro@elsewhere.es", "passed", DeskClient.UNIT + "3"));
    JsonObject second = new JsonObject(pull(cred, first.getString("cursor"), 100).body());
    assertEquals(List.of(voiding.getString("id")), ids(second.getJsonArray("statements")));
    assertTrue(new JsonObject(pull(cred, null, 100).body()).getJsonArray("statements").getJsonObject(0)
        .getBoolean("voided"));
    assertEquals(0, new JsonObject(school.get("/desk/api/report").body()).getJsonArray("lines").size());
  }

  @Test
  @DisplayName("signing out ends the session")
  void signOut() throws Exception {
    DeskClient c = newAccount("bye@desk.example", "school",
        new JsonObject().put("units", new JsonArray().add(DeskClient.UNIT + "2")));
    assertEquals(200, c.get("/desk/api/me").statusCode());
    assertEquals(204, c.post("/desk/api/signout", new JsonObject()).statusCode());
    assertEquals(401, c.get("/desk/api/me").statusCode());
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }
}
