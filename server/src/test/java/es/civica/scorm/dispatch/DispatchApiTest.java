package es.civica.scorm.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.content.ContentLoader;
import es.civica.content.Unit;
import es.civica.support.Answers;
import es.civica.support.LrsClient;
import es.civica.support.PlayerClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** LMS registrations, package downloads, launches, launch tokens, frame sessions and cmi5, over real HTTP. */
class DispatchApiTest {
  private static final String LMS = "http://127.0.0.1:9";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestServer server;
  private static LrsClient reader;
  private static Unit unit4;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.startWithPublicUrl();
    reader = server.credential("dispatch-reader", "all/read");
    unit4 = ContentLoader.fromClasspath().unit(4).orElseThrow();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("admins register an LMS and download its packages, bound to it; others cannot")
  void registerAndDownload() throws Exception {
    assertEquals(401, admin("GET", "/admin/api/lms-registrations", null, false).statusCode());
    assertEquals(400, admin("POST", "/admin/api/lms-registrations",
        new JsonObject().put("name", "Moodle").put("origin", "https://campus.example.org/moodle").put("baseUrl", "https://campus.example.org/"), true).statusCode());
    assertEquals(400, admin("POST", "/admin/api/lms-registrations",
        new JsonObject().put("name", "Moodle").put("origin", LMS).put("baseUrl", LMS).put("seatCap", 0), true).statusCode());
    JsonObject reg = register("Campus Diputación", null, null);
    assertTrue(reg.getString("id").startsWith("campus-diputacion-"));
    assertTrue(reg.getString("binding").startsWith("b1." + reg.getString("id") + "."));
    String url = reg.getJsonObject("packages").getJsonObject("unit-4").getString("scorm12");
    assertEquals(server.baseUrl() + "/scorm/packages/" + reg.getString("id") + "/unit-4/scorm12.zip", url);
    assertEquals(409, admin("POST", "/admin/api/lms-registrations", new JsonObject().put("id", reg.getString("id"))
        .put("name", "x").put("origin", LMS).put("baseUrl", LMS), true).statusCode());

    String path = URI.create(url).getPath();
    assertEquals(401, HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
    HttpResponse<byte[]> zip = HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + TestServer.ADMIN_SECRET).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, zip.statusCode());
    assertTrue(zip.headers().firstValue("Content-Disposition").orElse("").contains("unit-4-scorm12.zip"));
    Map<String, String> files = unzip(zip.body());
    assertTrue(files.get("imsmanifest.xml").contains(unit4.title().substring(0, 20)));
    assertTrue(files.get("unit4.html").contains(reg.getString("binding")));
    assertTrue(files.get("unit4.html").contains(server.baseUrl() + "/scorm/launch"));
    Map<String, String> course = unzip(adminBytes("/scorm/packages/" + reg.getString("id") + "/course/scorm2004.zip"));
    assertEquals(5, course.keySet().stream().filter(f -> f.matches("unit\\d\\.html")).count());
    assertTrue(unzip(adminBytes("/scorm/packages/" + reg.getString("id") + "/course/cmi5.zip")).get("cmi5.xml")
        .contains(server.baseUrl() + "/scorm/cmi5/launch.html?unit=1"));
    assertEquals(404, admin("GET", "/scorm/packages/" + reg.getString("id") + "/unit-9/scorm12.zip", null, true).statusCode());
    assertEquals(404, admin("GET", "/scorm/packages/" + reg.getString("id") + "/course/aicc.zip", null, true).statusCode());
    assertEquals(404, admin("GET", "/scorm/packages/nobody/course/cmi5.zip", null, true).statusCode());
    assertTrue(path.endsWith(".zip"));
    // written under the data dir too
    assertTrue(Files.exists(server.dataDir().resolve("packages").resolve(reg.getString("id"))
        .resolve("redes-sociales-ap-unit-4-scorm12.zip")));
  }

  @Test
  @DisplayName("a SCORM launch from the registered origin opens the player with a single-use token; the LMS learner "
      + "is the same account agent across SCORM 1.2 and 2004 launches")
  void launchAndExchange() throws Exception {
    JsonObject reg = register("Moodle Ayuntamiento", null, null);
    HttpResponse<String> r = launch(reg, "scorm12", "u-1001", "García López, Ana", LMS, LMS);
    assertEquals(303, r.statusCode(), r.body());
    String location = r.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith("/play/?lms=" + reg.getString("id") + "#launch=l1."), location);
    String token = location.substring(location.indexOf("#launch=") + 8);

    JsonObject session = exchange(token, 200);
    assertEquals(4, session.getInteger("unit"));
    assertEquals(LMS, session.getString("lmsOrigin"));
    assertEquals("Ana García López", session.getJsonObject("learner").getString("name"));
    assertEquals(401, exchangeStatus(token));   // single use

    PlayerClient frame = new PlayerClient(server.baseUrl(), session.getString("session"));
    JsonObject me = frame.getJson("/api/me");
    assertEquals(LMS, me.getJsonObject("lms").getString("homePage"));
    assertEquals("u-1001", me.getJsonObject("lms").getString("learnerId"));
    frame.postJson("/api/units/4/launch", new JsonObject());
    JsonArray launched = reader.query(Map.of("verb", "http://adlnet.gov/expapi/verbs/launched",
        "agent", new JsonObject().put("account", new JsonObject().put("homePage", LMS).put("name", "u-1001")).encode()))
        .getJsonArray("statements");
    assertEquals(1, launched.size());

    // SCORM 2004 from the same LMS: the same person
    String token2004 = tokenOf(launch(reg, "scorm2004", "u-1001", "Ana García López", LMS, LMS));
    JsonObject again = exchange(token2004, 200);
    assertEquals(me.getString("id"), again.getJsonObject("learner").getString("id"));
    assertEquals(1, admin("GET", "/admin/api/lms-registrations/" + reg.getString("id"), null, true)
        .body().contains("\"seatsUsed\":1") ? 1 : 0);

    // a session cookie is not needed, and a made-up bearer is refused
    assertEquals(401, new PlayerClient(server.baseUrl(), "made-up").get("/api/me").statusCode());
  }

  @Test
  @DisplayName("forged, foreign, expired and reused launch tokens are refused")
  void tokensRefused() throws Exception {
    JsonObject reg = register("Moodle tokens", null, null);
    String token = tokenOf(launch(reg, "scorm2004", "u-7", "Luis", LMS, LMS));
    String[] parts = token.split("\\.");
    // foreign: same shape, signed with another secret
    DispatchSigner other = new DispatchSigner("another-server-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    assertEquals(401, exchangeStatus(other.launchToken(UUID.fromString(parts[1]), Instant.now().plusSeconds(60))));
    // tampered expiry
    assertEquals(401, exchangeStatus(parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 3600) + "." + parts[3]));
    // expired: signed by this server, but its time is over
    DispatchSigner ours = DispatchSigner.fromDataDir(server.dataDir());
    assertEquals(401, exchangeStatus(ours.launchToken(UUID.fromString(parts[1]), Instant.now().minusSeconds(1))));
    assertEquals(401, exchangeStatus("garbage"));
    exchange(token, 200);
    assertEquals(401, exchangeStatus(token));
  }

  @Test
  @DisplayName("launches are refused from another origin, with a bad binding, after expiry, revocation or the seat cap")
  void launchesRefused() throws Exception {
    JsonObject reg = register("Moodle capped", 1, null);
    assertEquals(403, launch(reg, "scorm12", "a", "A", "https://evil.example", LMS).statusCode());
    assertEquals(403, launch(reg, "scorm12", "a", "A", LMS, "https://evil.example").statusCode());
    assertEquals(403, launch(reg, "scorm12", "a", "A", null, LMS).statusCode());
    JsonObject forged = reg.copy().put("binding", reg.getString("binding").substring(0, reg.getString("binding").length() - 2) + "xx");
    assertEquals(403, launch(forged, "scorm12", "a", "A", LMS, LMS).statusCode());
    JsonObject otherId = reg.copy().put("id", "someone-else");
    assertEquals(403, launch(otherId, "scorm12", "a", "A", LMS, LMS).statusCode());
    assertEquals(400, launch(reg, "scorm12", "", "A", LMS, LMS).statusCode());

    assertEquals(303, launch(reg, "scorm12", "a", "A", LMS, LMS).statusCode());
    assertEquals(303, launch(reg, "scorm2004", "a", "A", LMS, LMS).statusCode());   // same learner, same seat
    HttpResponse<String> full = launch(reg, "scorm12", "b", "B", LMS, LMS);
    assertEquals(403, full.statusCode());
    assertTrue(full.body().contains("plazas"), full.body());

    JsonObject expiring = register("Moodle expired", null, "2020-01-01T00:00:00Z");
    assertEquals(403, launch(expiring, "scorm12", "a", "A", LMS, LMS).statusCode());
    assertEquals(204, admin("DELETE", "/admin/api/lms-registrations/" + reg.getString("id"), null, true).statusCode());
    assertEquals(403, launch(reg, "scorm12", "a", "A", LMS, LMS).statusCode());
  }

  @Test
  @DisplayName("the player may be framed by the registered LMS origin only, for its launches")
  void frameAncestors() throws Exception {
    JsonObject reg = register("Moodle framing", null, null);
    String plain = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/play/")).build(),
        HttpResponse.BodyHandlers.ofString()).headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(plain.endsWith("frame-ancestors 'self'"), plain);
    String lms = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/play/?lms=" + reg.getString("id")))
        .build(), HttpResponse.BodyHandlers.ofString()).headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(lms.endsWith("frame-ancestors 'self' " + LMS), lms);
    HttpResponse<String> cmi5 = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
        + "/scorm/cmi5/launch.html?unit=1&dispatchId=" + reg.getString("id"))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, cmi5.statusCode());
    assertEquals("frame-ancestors 'self' " + LMS, cmi5.headers().firstValue("Content-Security-Policy").orElseThrow());
    assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/scorm/cmi5/civica-cmi5-launcher.js"))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  @DisplayName("cmi5: the launch is confirmed with the LMS's LRS; initialized, completed, passed and terminated go "
      + "to it with the context template, the cmi5 categories and the mastery score")
  void cmi5Statements() throws Exception {
    // the "LMS" is this server: its LRS is the LMS's LRS, its origin the registered one
    JsonObject reg = register("cmi5 LMS", null, null, server.baseUrl());
    LrsClient lms = server.credential("cmi5-lms", "all");
    String authToken = Base64.getEncoder().encodeToString((lms.key() + ":" + lms.secret()).getBytes(StandardCharsets.UTF_8));
    JsonObject actor = new JsonObject().put("objectType", "Agent").put("name", "Marta Ruiz")
        .put("account", new JsonObject().put("homePage", "https://lms.example.org").put("name", "marta"));
    String registration = UUID.randomUUID().toString();
    String activityId = "https://lms.example.org/au/" + UUID.randomUUID();
    JsonObject launchData = new JsonObject()
        .put("contextTemplate", new JsonObject()
            .put("contextActivities", new JsonObject().put("grouping", new JsonArray()
                .add(new JsonObject().put("id", "https://lms.example.org/course/1"))))
            .put("extensions", new JsonObject().put("https://w3id.org/xapi/cmi5/context/extensions/sessionid", "s-1")))
        .put("launchMode", "Normal").put("moveOn", "CompletedAndPassed").put("masteryScore", 0.8);
    Map<String, String> state = Map.of("stateId", "LMS.LaunchData", "activityId", activityId,
        "agent", actor.encode(), "registration", registration);
    assertEquals(204, lms.put("/activities/state", state, launchData.encode()).statusCode());

    Map<String, String> form = new LinkedHashMap<>();
    form.put("bridge", "1");
    form.put("standard", "cmi5");
    form.put("dispatch", reg.getString("binding"));
    form.put("dispatchId", reg.getString("id"));
    form.put("unit", "4");
    form.put("learnerId", "marta");
    form.put("learnerName", "Marta Ruiz");
    form.put("lmsOrigin", server.baseUrl());
    form.put("cmi5Endpoint", server.baseUrl() + "/xapi/");
    form.put("cmi5AuthToken", authToken);
    form.put("cmi5Registration", registration);
    form.put("cmi5Actor", actor.encode());
    form.put("cmi5ActivityId", activityId);
    form.put("cmi5LaunchData", launchData.encode());
    // a wrong auth token: the LMS's LRS does not confirm the launch
    Map<String, String> wrong = new LinkedHashMap<>(form);
    wrong.put("cmi5AuthToken", Base64.getEncoder().encodeToString("x:y".getBytes(StandardCharsets.UTF_8)));
    assertEquals(403, post(wrong, server.baseUrl()).statusCode());

    JsonObject session = exchange(tokenOf(post(form, server.baseUrl())), 200);
    PlayerClient frame = new PlayerClient(server.baseUrl(), session.getString("session"));
    frame.postJson("/api/units/4/launch", new JsonObject());
    passQuiz(frame);
    frame.postJson("/api/units/4/terminate", new JsonObject());

    Map<String, JsonObject> byVerb = new LinkedHashMap<>();
    for (int i = 0; i < 50 && byVerb.size() < 4; i++) {
      JsonArray all = reader.query(Map.of("agent", actor.encode(), "registration", registration)).getJsonArray("statements");
      all.forEach(o -> {
        JsonObject s = (JsonObject) o;
        byVerb.put(s.getJsonObject("verb").getString("id").replace("http://adlnet.gov/expapi/verbs/", ""), s);
      });
      Thread.sleep(100);
    }
    assertEquals(java.util.Set.of("initialized", "completed", "passed", "terminated"), byVerb.keySet());
    JsonObject passed = byVerb.get("passed");
    assertEquals(activityId, passed.getJsonObject("object").getString("id"));
    assertTrue(passed.getJsonObject("result").getBoolean("success"));
    assertTrue(passed.getJsonObject("result").getJsonObject("score").getDouble("scaled") >= 0.8);
    assertTrue(passed.getJsonObject("result").getString("duration").startsWith("PT"));
    JsonObject context = passed.getJsonObject("context");
    assertEquals(0.8, context.getJsonObject("extensions").getDouble(Cmi5Forwarder.MASTERY_SCORE));
    assertEquals("s-1", context.getJsonObject("extensions").getString("https://w3id.org/xapi/cmi5/context/extensions/sessionid"));
    String categories = context.getJsonObject("contextActivities").getJsonArray("category").encode();
    assertTrue(categories.contains(Cmi5Forwarder.CATEGORY_CMI5) && categories.contains(Cmi5Forwarder.CATEGORY_MOVEON));
    assertEquals("https://lms.example.org/course/1", context.getJsonObject("contextActivities").getJsonArray("grouping")
        .getJsonObject(0).getString("id"));
    assertFalse(byVerb.get("initialized").getJsonObject("context").getJsonObject("contextActivities")
        .getJsonArray("category").encode().contains(Cmi5Forwarder.CATEGORY_MOVEON));
    assertNull(byVerb.get("terminated").getJsonObject("context").getJsonObject("extensions").getValue(Cmi5Forwarder.MASTERY_SCORE));
    // once terminated, the LMS's auth token is no longer kept
    java.util.List<String> kept = server.app().db().query(dsl -> dsl.select(es.civica.db.generated.Tables.LMS_LAUNCH.CMI5)
            .from(es.civica.db.generated.Tables.LMS_LAUNCH)
            .where(es.civica.db.generated.Tables.LMS_LAUNCH.STANDARD.eq("cmi5")
                .and(es.civica.db.generated.Tables.LMS_LAUNCH.TERMINATED.isNotNull()))
            .fetch(r -> r.value1().data()))
        .toCompletionStage().toCompletableFuture().get();
    assertEquals(1, kept.size());
    assertFalse(kept.get(0).contains(authToken));
    // our own LRS also holds the player's statements for the LMS learner's agent (registration base URL)
    assertNotEquals(0, reader.query(Map.of("agent", new JsonObject().put("account", new JsonObject()
        .put("homePage", server.baseUrl()).put("name", "marta")).encode(), "verb", "http://adlnet.gov/expapi/verbs/passed"))
        .getJsonArray("statements").size());
  }

  // ---- helpers

  static void passQuiz(PlayerClient frame) throws Exception {
    JsonObject attempt = frame.postJson("/api/units/4/quiz/attempts", new JsonObject());
    String base = "/api/units/4/quiz/attempts/" + attempt.getString("id");
    for (Object o : attempt.getJsonArray("items")) {
      String id = ((JsonObject) o).getString("id");
      frame.postJson(base + "/answers", new JsonObject().put("item", id)
          .put("response", Answers.right(unit4.item(id).orElseThrow())));
    }
  }

  private static JsonObject register(String name, Integer seatCap, String expires) throws Exception {
    return register(name, seatCap, expires, LMS);
  }

  private static JsonObject register(String name, Integer seatCap, String expires, String origin) throws Exception {
    JsonObject body = new JsonObject().put("name", name).put("origin", origin).put("baseUrl", origin)
        .put("seatCap", seatCap).put("expires", expires);
    HttpResponse<String> r = admin("POST", "/admin/api/lms-registrations", body, true);
    assertEquals(201, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  static HttpResponse<String> launch(JsonObject reg, String standard, String learnerId, String learnerName,
                                     String requestOrigin, String lmsOrigin) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("bridge", "1");
    form.put("standard", standard);
    form.put("dispatch", reg.getString("binding"));
    form.put("dispatchId", reg.getString("id"));
    form.put("scope", "unit");
    form.put("course", "https://civica.app/xapi/activities/course/redes-sociales-ap");
    form.put("unit", "4");
    form.put("activityId", unit4.id());
    form.put("learnerId", learnerId);
    form.put("learnerName", learnerName);
    form.put("entry", "ab-initio");
    form.put("lmsOrigin", lmsOrigin);
    return post(form, requestOrigin);
  }

  private static HttpResponse<String> post(Map<String, String> form, String origin) throws Exception {
    String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/scorm/launch"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      b.header("Origin", origin);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String tokenOf(HttpResponse<String> launch) {
    assertEquals(303, launch.statusCode(), launch.body());
    String location = launch.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("#launch=") + 8);
  }

  private static JsonObject exchange(String token, int status) throws Exception {
    HttpResponse<String> r = new PlayerClient(server.baseUrl()).post("/api/lms/session", new JsonObject().put("token", token));
    assertEquals(status, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  private static int exchangeStatus(String token) throws Exception {
    return new PlayerClient(server.baseUrl()).post("/api/lms/session", new JsonObject().put("token", token)).statusCode();
  }

  private static HttpResponse<String> admin(String method, String path, JsonObject body, boolean authorised) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()))
        .header("Content-Type", "application/json");
    if (authorised) {
      b.header("Authorization", "Bearer " + TestServer.ADMIN_SECRET);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] adminBytes(String path) throws Exception {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Authorization", "Bearer " + TestServer.ADMIN_SECRET).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    return r.body();
  }

  static Map<String, String> unzip(byte[] zip) throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
