package es.civica.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.EventAddresses;
import es.civica.support.LrsClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

class StatementResourceTest {
  private static final String UNIT = "https://civica.app/xapi/activities/course/redes-sociales-ap/unit/";
  private static TestServer server;
  private static LrsClient writer;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    writer = server.credential("content", "all");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("a POSTed statement comes back from GET, with stored, authority and version set by the LRS")
  void postedStatementComesBack() throws Exception {
    JsonObject s = LrsClient.statement("ana", "completed", UNIT + "1");
    String id = writer.store(s).getString(0);
    HttpResponse<String> r = writer.get("/statements", Map.of("statementId", id));
    assertEquals(200, r.statusCode());
    JsonObject back = new JsonObject(r.body());
    assertEquals(s.getJsonObject("actor"), back.getJsonObject("actor"));
    assertNotNull(back.getString("stored"));
    assertEquals(writer.key(), back.getJsonObject("authority").getJsonObject("account").getString("name"));
    assertEquals("1.0.0", back.getString("version"));
    assertEquals("1.0.3", r.headers().firstValue("X-Experience-API-Version").orElseThrow());
  }

  @Test
  @DisplayName("a school's read-only credential can pull statements but not write")
  void readOnlyCredentialReadsButCannotWrite() throws Exception {
    String id = writer.store(LrsClient.statement("bea", "passed", UNIT + "2")).getString(0);
    LrsClient school = server.credential("Escola de Formació", "statements/read");
    assertEquals(200, school.get("/statements", Map.of("statementId", id)).statusCode());
    HttpResponse<String> write = school.post("/statements", LrsClient.statement("bea", "passed", UNIT + "2").encode());
    assertEquals(403, write.statusCode());
  }

  @Test
  @DisplayName("requests without credentials get 401, with a wrong secret too")
  void rejectsMissingOrWrongCredentials() throws Exception {
    LrsClient nobody = new LrsClient(server.baseUrl() + "/xapi", "nobody", "wrong", 0);
    HttpResponse<String> r = nobody.get("/statements", Map.of());
    assertEquals(401, r.statusCode());
    assertTrue(r.headers().firstValue("WWW-Authenticate").isPresent());
  }

  @Test
  @DisplayName("a request without X-Experience-API-Version is refused with 400")
  void rejectsMissingVersionHeader() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/xapi/statements"))
        .header("Authorization", writer.basicAuth()).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, r.statusCode());
  }

  @Test
  @DisplayName("a batch with one invalid statement is refused whole and leaves nothing behind")
  void rejectedBatchLeavesNothingBehind() throws Exception {
    String activity = UNIT + "rejected-" + UUID.randomUUID();
    JsonObject good = LrsClient.statement("carla", "experienced", activity);
    JsonObject bad = LrsClient.statement("carla", "experienced", activity);
    bad.remove("actor");
    HttpResponse<String> r = writer.post("/statements", new JsonArray().add(good).add(bad).encode());
    assertEquals(400, r.statusCode());
    assertEquals(404, writer.get("/statements", Map.of("statementId", good.getString("id"))).statusCode());
    assertEquals(0, writer.query(Map.of("activity", activity)).getJsonArray("statements").size());
  }

  @Test
  @DisplayName("re-sending a stored id with other content is a 409; with the same content it is accepted")
  void conflictOnReusedIdWithOtherContent() throws Exception {
    JsonObject s = LrsClient.statement("dani", "completed", UNIT + "3");
    writer.store(s);
    assertEquals(204, writer.put("/statements", Map.of("statementId", s.getString("id")), s.encode()).statusCode());
    JsonObject changed = s.copy().put("verb", new JsonObject().put("id", "http://adlnet.gov/expapi/verbs/failed"));
    assertEquals(409, writer.put("/statements", Map.of("statementId", s.getString("id")), changed.encode()).statusCode());
  }

  @Test
  @DisplayName("a voided statement disappears from queries (statements targeting it stay) but is found by voidedStatementId")
  void voidedStatementIsHidden() throws Exception {
    String activity = UNIT + "void-" + UUID.randomUUID();
    String id = writer.store(LrsClient.statement("eva", "passed", activity)).getString(0);
    JsonObject voiding = LrsClient.statement("admin", "voided", activity);
    voiding.put("verb", new JsonObject().put("id", "http://adlnet.gov/expapi/verbs/voided"));
    voiding.put("object", new JsonObject().put("objectType", "StatementRef").put("id", id));
    writer.store(voiding);
    assertEquals(404, writer.get("/statements", Map.of("statementId", id)).statusCode());
    assertEquals(200, writer.get("/statements", Map.of("voidedStatementId", id)).statusCode());
    // the voided statement is gone from the query; the voiding statement, which targets it, is returned
    JsonArray found = writer.query(Map.of("activity", activity)).getJsonArray("statements");
    assertEquals(List.of(voiding.getString("id")), found.stream().map(o -> ((JsonObject) o).getString("id")).toList());
  }

  @Test
  @DisplayName("more links page through a query exactly once each, even while new statements arrive")
  void pagingIsStableWhileStatementsArrive() throws Exception {
    String activity = UNIT + "paging-" + UUID.randomUUID();
    Set<String> stored = new HashSet<>();
    for (int i = 0; i < 25; i++) {
      stored.add(writer.store(LrsClient.statement("fer" + i, "answered", activity)).getString(0));
    }
    Set<String> seen = new HashSet<>();
    JsonObject page = writer.query(Map.of("activity", activity, "limit", "10"));
    int pages = 0;
    while (true) {
      pages++;
      page.getJsonArray("statements").forEach(s -> assertTrue(seen.add(((JsonObject) s).getString("id")), "duplicate"));
      writer.store(LrsClient.statement("late", "answered", activity));
      String more = page.getString("more");
      if (more.isEmpty()) {
        break;
      }
      HttpResponse<String> next = writer.getUrl(more);
      assertEquals(200, next.statusCode());
      page = new JsonObject(next.body());
    }
    assertEquals(3, pages);
    assertEquals(stored, seen);
  }

  @Test
  @DisplayName("filters by agent, verb and registration select the matching statements only")
  void filtersSelectMatchingStatements() throws Exception {
    String registration = UUID.randomUUID().toString();
    String activity = UNIT + "filters-" + UUID.randomUUID();
    JsonObject mine = LrsClient.statement("gala", "passed", activity);
    mine.put("context", new JsonObject().put("registration", registration));
    JsonObject other = LrsClient.statement("hugo", "passed", activity);
    writer.store(mine, other);
    String agent = mine.getJsonObject("actor").copy().put("objectType", "Agent").encode();
    JsonArray byAgent = writer.query(Map.of("agent", agent, "verb", "http://adlnet.gov/expapi/verbs/passed"))
        .getJsonArray("statements");
    assertEquals(1, byAgent.size());
    assertEquals(mine.getString("id"), byAgent.getJsonObject(0).getString("id"));
    JsonArray byRegistration = writer.query(Map.of("registration", registration)).getJsonArray("statements");
    assertEquals(List.of(mine.getString("id")), byRegistration.stream().map(s -> ((JsonObject) s).getString("id")).toList());
  }

  @Test
  @DisplayName("the Activities resource follows the latest definition, also when a statement goes back to an older one")
  void activityDefinitionFollowsTheLatestStatement() throws Exception {
    String activity = UNIT + "definition-" + UUID.randomUUID();
    for (String name : List.of("Primera", "Segunda", "Primera")) {
      JsonObject s = LrsClient.statement("irene", "experienced", activity);
      s.getJsonObject("object").put("definition", new JsonObject().put("name", new JsonObject().put("es-ES", name)));
      writer.store(s);
      HttpResponse<String> r = writer.get("/activities", Map.of("activityId", activity));
      assertEquals(200, r.statusCode());
      assertEquals(name, new JsonObject(r.body()).getJsonObject("definition").getJsonObject("name").getString("es-ES"));
    }
    JsonObject added = LrsClient.statement("irene", "experienced", activity);
    added.getJsonObject("object").put("definition", new JsonObject().put("name", new JsonObject().put("ca", "Primera")));
    writer.store(added);
    JsonObject name = new JsonObject(writer.get("/activities", Map.of("activityId", activity)).body())
        .getJsonObject("definition").getJsonObject("name");
    assertEquals(new JsonObject().put("es-ES", "Primera").put("ca", "Primera"), name, "a new language keeps the others");
  }

  @Test
  @DisplayName("every stored statement is published on the event bus after commit")
  void storedStatementsArePublished() throws Exception {
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    var consumer = server.app().vertx().eventBus().<JsonObject>consumer(EventAddresses.LRS_STATEMENT_STORED,
        m -> received.add(m.body()));
    consumer.completion().await(5, TimeUnit.SECONDS);
    JsonObject s = LrsClient.statement("ines", "completed", UNIT + "5");
    writer.store(s);
    long until = System.currentTimeMillis() + 5000;
    while (received.stream().noneMatch(m -> m.getJsonArray("statements").encode().contains(s.getString("id")))
        && System.currentTimeMillis() < until) {
      Thread.sleep(20);
    }
    consumer.unregister();
    assertFalse(received.isEmpty());
    JsonObject published = received.stream().flatMap(m -> m.getJsonArray("statements").stream())
        .map(o -> (JsonObject) o).filter(o -> o.getString("id").equals(s.getString("id"))).findFirst().orElseThrow();
    assertNotNull(published.getString("stored"));
  }
}
