package es.civica.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.support.LrsClient;
import es.civica.support.TempFolders;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The server as its own process, killed the hard way and the polite way. */
class DurabilityTest {
  private Path dataDir;
  private Process server;
  private int port;

  @BeforeEach
  void folder() throws Exception {
    dataDir = Files.createTempDirectory("civica-durability");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (server != null && server.isAlive()) {
      server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      startServer();
      stopPolitely();
    }
    TempFolders.delete(dataDir);
  }

  @Test
  @DisplayName("statements acknowledged with 200 survive kill -9 of the server and a restart")
  void acknowledgedStatementsSurviveKill9() throws Exception {
    startServer();
    LrsClient client = credential();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(client.store(LrsClient.statement("learner" + i, "completed",
          "https://civica.app/xapi/activities/course/redes-sociales-ap/unit/4")).getString(0));
    }
    server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    startServer();
    for (String id : ids) {
      assertEquals(200, client.get("/statements", Map.of("statementId", id)).statusCode(), "lost " + id);
    }
    stopPolitely();
  }

  @Test
  @DisplayName("SIGTERM stops the server cleanly: the process exits and the embedded database is shut down")
  void sigtermStopsCleanly() throws Exception {
    startServer();
    stopPolitely();
    assertFalse(server.isAlive());
    assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "embedded PostgreSQL still running");
  }

  private void stopPolitely() throws Exception {
    new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor();
    assertTrue(server.waitFor(60, TimeUnit.SECONDS), "server did not stop on SIGTERM");
  }

  private LrsClient credential() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/admin/api/credentials"))
        .header("Authorization", "Bearer " + TestServer.ADMIN_SECRET).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"durability\",\"scopes\":[\"all\"]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonObject c = new JsonObject(r.body());
    return new LrsClient(base() + "/xapi", c.getString("key"), c.getString("secret"), c.getLong("id"));
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private void startServer() throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
        "-cp", classpath, "es.civica.Main");
    pb.environment().put("CIVICA_HTTP_PORT", Integer.toString(port));
    pb.environment().put("CIVICA_DATA_DIR", dataDir.toString());
    pb.environment().put("CIVICA_ADMIN_SECRET", TestServer.ADMIN_SECRET);
    pb.environment().put("CIVICA_CONFIG", dataDir.resolve("no-config.json").toString());
    pb.redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile());
    server = pb.start();
    HttpClient http = HttpClient.newHttpClient();
    long until = System.currentTimeMillis() + 90_000;
    while (System.currentTimeMillis() < until) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base() + "/health")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      if (!server.isAlive()) {
        break;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("server did not start: " + Files.readString(dataDir.resolve("server.log")));
  }
}
