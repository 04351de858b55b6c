package es.civica.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.support.LrsClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

class DocumentResourceTest {
  private static TestServer server;
  private static LrsClient client;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    client = server.credential("player", "all");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Map<String, String> state() {
    return Map.of("activityId", "https://civica.app/xapi/activities/course/redes-sociales-ap/unit/4",
        "agent", "{\"mbox\":\"mailto:" + UUID.randomUUID() + "@example.org\"}", "stateId", "bookmark");
  }

  @Test
  @DisplayName("POST merges JSON state documents property by property")
  void postMergesJsonDocuments() throws Exception {
    Map<String, String> key = state();
    assertEquals(204, client.postDocument("/activities/state", key, "{\"lesson\":\"u4-l1\",\"quiz\":null}").statusCode());
    assertEquals(204, client.postDocument("/activities/state", key, "{\"quiz\":{\"attempt\":2}}").statusCode());
    HttpResponse<String> r = client.get("/activities/state", key);
    assertEquals(200, r.statusCode());
    assertEquals(new JsonObject("{\"lesson\":\"u4-l1\",\"quiz\":{\"attempt\":2}}"), new JsonObject(r.body()));
    assertTrue(r.headers().firstValue("ETag").orElseThrow().startsWith("\""));
  }

  @Test
  @DisplayName("a blind PUT over an existing profile is a 409; with its ETag it replaces; with a stale one, 412")
  void profileConcurrencyIsEnforced() throws Exception {
    Map<String, String> key = Map.of("activityId", "https://civica.app/xapi/activities/profile-test/" + UUID.randomUUID(),
        "profileId", "settings");
    assertEquals(204, client.put("/activities/profile", key, "{\"v\":1}", "If-None-Match", "*").statusCode());
    String etag = client.get("/activities/profile", key).headers().firstValue("ETag").orElseThrow();
    assertEquals(409, client.put("/activities/profile", key, "{\"v\":2}").statusCode());
    assertEquals(204, client.put("/activities/profile", key, "{\"v\":2}", "If-Match", etag).statusCode());
    assertEquals(412, client.put("/activities/profile", key, "{\"v\":3}", "If-Match", etag).statusCode());
    assertEquals(new JsonObject("{\"v\":2}"), new JsonObject(client.get("/activities/profile", key).body()));
  }

  @Test
  @DisplayName("POST refuses to merge a document that is not a JSON object")
  void postRefusesNonJsonMerge() throws Exception {
    Map<String, String> key = state();
    assertEquals(204, client.put("/activities/state", key, "[1,2]").statusCode());
    assertEquals(400, client.postDocument("/activities/state", key, "{\"a\":1}").statusCode());
  }
}
