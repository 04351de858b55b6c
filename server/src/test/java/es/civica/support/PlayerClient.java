package es.civica.support;

import io.vertx.core.json.JsonObject;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** A browser-like client of the player API for tests: keeps its session cookie. */
public final class PlayerClient {
  private final String base;
  private final HttpClient http;
  private final String bearer;

  public PlayerClient(String base) {
    this(base, null);
  }

  /** A client that authenticates with {@code Authorization: Bearer <token>} (an LMS frame session), no cookie. */
  public PlayerClient(String base, String bearer) {
    this.base = base;
    this.bearer = bearer;
    // HTTP/1.1: the JDK client's h2c upgrade on plain http can stall a response under load
    this.http = bearer == null
        ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build()
        : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
  }

  /** A new learner, registered and signed in. */
  public static PlayerClient registered(TestServer server, String name) throws Exception {
    PlayerClient c = new PlayerClient(server.baseUrl());
    String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@ayto.example";
    HttpResponse<String> r = c.post("/api/auth/register",
        new JsonObject().put("email", email).put("name", name).put("password", "contraseña-segura"));
    if (r.statusCode() != 201) {
      throw new IllegalStateException("register: " + r.statusCode() + " " + r.body());
    }
    return c;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, JsonObject body) throws Exception {
    return http.send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> put(String path, JsonObject body) throws Exception {
    return http.send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GET that must answer 200, as JSON. */
  public JsonObject getJson(String path) throws Exception {
    return ok(get(path), path);
  }

  /** POST that must answer 2xx, as JSON. */
  public JsonObject postJson(String path, JsonObject body) throws Exception {
    return ok(post(path, body), path);
  }

  private static JsonObject ok(HttpResponse<String> r, String path) {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
    }
    return new JsonObject(r.body());
  }

  /** GET of a binary resource (a certificate PDF). */
  public HttpResponse<byte[]> getBytes(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The session token of the cookie (to hand the session to a browser). */
  public String sessionToken() {
    java.net.CookieHandler handler = http.cookieHandler().orElseThrow();
    return ((CookieManager) handler).getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("civica_session")).findFirst().orElseThrow().getValue();
  }
}
