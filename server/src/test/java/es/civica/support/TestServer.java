package es.civica.support;

import es.civica.Application;
import es.civica.Settings;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real server for tests: embedded PostgreSQL in a temporary folder, HTTP on a free port.
 * One per test class (start in @BeforeAll, close in @AfterAll).
 */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN_SECRET = "test-admin-secret";

  private final Application app;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestServer(Application app, Path dataDir) {
    this.app = app;
    this.dataDir = dataDir;
  }

  public static TestServer start() throws Exception {
    return start(new JsonObject());
  }

  /**
   * Starts on a free port known in advance, with CIVICA_PUBLIC_URL = {@link #baseUrl()} (what packages embed and
   * agents use as homePage).
   */
  public static TestServer startWithPublicUrl() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return start(new JsonObject().put("CIVICA_HTTP_PORT", String.valueOf(port))
        .put("CIVICA_PUBLIC_URL", "http://localhost:" + port));
  }

  /** Starts with these configuration values over the test defaults. */
  public static TestServer start(JsonObject overrides) throws Exception {
    Path dataDir = Files.createTempDirectory("civica-test");
    JsonObject config = new JsonObject()
        .put("CIVICA_HTTP_PORT", "0")
        .put("CIVICA_DATA_DIR", dataDir.toString())
        .put("CIVICA_ADMIN_SECRET", ADMIN_SECRET)
        .put("CIVICA_DB_POOL_SIZE", "4")
        .mergeIn(overrides);
    Settings settings = Settings.from(config);
    Application app = Application.start(settings);
    return new TestServer(app, dataDir);
  }

  public Path dataDir() {
    return dataDir;
  }

  public Application app() {
    return app;
  }

  public String baseUrl() {
    return "http://localhost:" + app.port();
  }

  /** Creates an LRS credential with the given scopes through the admin API. */
  public LrsClient credential(String label, String... scopes) throws Exception {
    JsonObject body = new JsonObject().put("label", label).put("scopes", new io.vertx.core.json.JsonArray(java.util.List.of(scopes)));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/api/credentials"))
        .header("Authorization", "Bearer " + ADMIN_SECRET)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("Could not create credential: " + r.statusCode() + " " + r.body());
    }
    JsonObject created = new JsonObject(r.body());
    return new LrsClient(baseUrl() + "/xapi", created.getString("key"), created.getString("secret"), created.getLong("id"));
  }

  @Override
  public void close() throws Exception {
    app.close();
    TempFolders.delete(dataDir);
  }
}
