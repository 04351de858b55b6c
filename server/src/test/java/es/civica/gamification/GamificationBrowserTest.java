package es.civica.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.content.ContentLoader;
import es.civica.content.Scenario;
import es.civica.learning.PlayerTestAccess;
import es.civica.support.BrowserScript;
import es.civica.support.LrsClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Earns "Escucha activa" in Chromium (Playwright, axe-core) through {@code src/test/e2e/gamification.e2e.js}: the
 * complaint scenario of unit 4 to its best ending, the notice, the badge shelf, the leaderboard under an alias;
 * then checks the badge's "earned" statement in the LRS. Skipped when node, Chromium or the e2e packages are missing.
 */
class GamificationBrowserTest {
  private static TestServer server;
  private static Path keyFile;

  @BeforeAll
  static void start() throws Exception {
    BrowserScript.assumeAvailable();
    server = TestServer.start();
    HttpResponse<String> organisation = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/admin/api/organisations"))
        .header("Authorization", "Bearer " + TestServer.ADMIN_SECRET).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", "Diputación de Prueba")
            .put("domains", new JsonArray().add("dipu-prueba.example")).encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, organisation.statusCode(), organisation.body());
    Scenario scenario = ContentLoader.fromClasspath().unit(4).orElseThrow().scenario("u4-sc-alumbrado").orElseThrow();
    keyFile = Files.createTempFile("civica-e2e-gamification", ".json");
    Files.writeString(keyFile, new JsonObject().put("bestPath", new JsonArray(PlayerTestAccess.bestPath(scenario)))
        .encode());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
      Files.deleteIfExists(keyFile);
    }
  }

  @Test
  @DisplayName("in the browser: Escucha activa earned in unit 4, announced politely, on the shelf, and the learner on "
      + "the leaderboard under an alias; no serious or critical axe violation; no external request")
  void earnEscuchaActiva() throws Exception {
    JsonObject report = BrowserScript.of(server, "gamification.e2e.js")
        .env("KEY_FILE", keyFile.toAbsolutePath().toString()).runAndCheckAxe();
    assertTrue(report.getJsonArray("checked").size() >= 6);
    assertEquals(new JsonArray().add("Diputación de Prueba"), report.getJsonArray("suggestions"),
        "the registration form suggests the directory's names");

    LrsClient lrs = server.credential("e2e-reader", "all/read");
    String agent = new JsonObject().put("account", new JsonObject()
        .put("homePage", server.app().settings().publicUrl()).put("name", report.getString("learner"))).encode();
    JsonArray earned = lrs.query(Map.of("agent", agent, "verb", GamificationProjector.EARNED))
        .getJsonArray("statements");
    assertEquals(1, earned.size(), earned.encodePrettily());
    assertEquals(GamificationProjector.BADGES + "escucha-activa",
        earned.getJsonObject(0).getJsonObject("object").getString("id"));
  }
}
