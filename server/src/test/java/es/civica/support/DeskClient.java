package es.civica.support;

import io.vertx.core.json.JsonObject;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A browser-like client of the desk API for tests: keeps its session cookie and sends the CSRF token. */
public final class DeskClient {
  public static final String UNIT = "https://civica.app/xapi/activities/course/redes-sociales-ap/unit/";
  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String csrf;

  public DeskClient(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Creates a desk account through the admin API (admin secret). */
  public static HttpResponse<String> bootstrap(TestServer server, JsonObject account) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/api/desk-users"))
        .header("Authorization", "Bearer " + TestServer.ADMIN_SECRET).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(account.encode())).build(), HttpResponse.BodyHandlers.ofString());
  }

  public static JsonObject account(String email, String role, String password) {
    return new JsonObject().put("email", email).put("name", email.substring(0, email.indexOf('@')))
        .put("role", role).put("password", password);
  }

  public HttpResponse<String> signIn(String email, String password) throws Exception {
    HttpResponse<String> r = send("POST", "/desk/api/signin",
        new JsonObject().put("email", email).put("password", password).encode(), false);
    if (r.statusCode() == 200) {
      csrf = new JsonObject(r.body()).getString("csrf");
    }
    return r;
  }

  public CookieManager cookies() {
    return cookies;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, null, false);
  }

  public HttpResponse<String> post(String path, JsonObject body) throws Exception {
    return send("POST", path, body.encode(), true);
  }

  public HttpResponse<String> put(String path, JsonObject body) throws Exception {
    return send("PUT", path, body.encode(), true);
  }

  public HttpResponse<String> postWithoutCsrf(String path, JsonObject body) throws Exception {
    return send("POST", path, body.encode(), false);
  }

  public HttpResponse<String> delete(String path) throws Exception {
    return send("DELETE", path, "{}", true);
  }

  private HttpResponse<String> send(String method, String path, String body, boolean withCsrf) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (body == null) {
      b.GET();
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    if (withCsrf && csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
