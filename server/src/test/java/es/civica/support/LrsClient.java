package es.civica.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A small xAPI client for tests: one credential, one xAPI version. */
public final class LrsClient {
  private final String endpoint;
  private final String key;
  private final String secret;
  private final long credentialId;
  private final HttpClient http = HttpClient.newHttpClient();
  private String version = "1.0.3";

  public LrsClient(String endpoint, String key, String secret, long credentialId) {
    this.endpoint = endpoint;
    this.key = key;
    this.secret = secret;
    this.credentialId = credentialId;
  }

  public LrsClient version(String v) {
    this.version = v;
    return this;
  }

  public String key() {
    return key;
  }

  public String secret() {
    return secret;
  }

  public long credentialId() {
    return credentialId;
  }

  public String basicAuth() {
    return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> post(String resource, String json) throws Exception {
    return send(request(resource, Map.of()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> put(String resource, Map<String, String> params, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b = request(resource, params).header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> postDocument(String resource, Map<String, String> params, String body) throws Exception {
    return send(request(resource, params).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> get(String resource, Map<String, String> params) throws Exception {
    return send(request(resource, params).GET());
  }

  public HttpResponse<String> getUrl(String absolutePath) throws Exception {
    URI base = URI.create(endpoint);
    return send(HttpRequest.newBuilder(base.resolve(absolutePath))
        .header("Authorization", basicAuth()).header("X-Experience-API-Version", version).GET());
  }

  public HttpResponse<String> delete(String resource, Map<String, String> params) throws Exception {
    return send(request(resource, params).DELETE());
  }

  /** POSTs statements and returns their ids; fails the test on any status but 200. */
  public JsonArray store(JsonObject... statements) throws Exception {
    JsonArray batch = new JsonArray();
    for (JsonObject s : statements) {
      batch.add(s);
    }
    HttpResponse<String> r = post("/statements", batch.encode());
    if (r.statusCode() != 200) {
      throw new AssertionError("POST /statements answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonArray(r.body());
  }

  public JsonObject query(Map<String, String> params) throws Exception {
    HttpResponse<String> r = get("/statements", params);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET /statements answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonObject(r.body());
  }

  private HttpRequest.Builder request(String resource, Map<String, String> params) {
    String query = params.isEmpty() ? "" : "?" + params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(URI.create(endpoint + resource + query))
        .header("Authorization", basicAuth())
        .header("X-Experience-API-Version", version);
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A valid statement by a learner of an LMS account about a unit of the course. */
  public static JsonObject statement(String learner, String verb, String activity) {
    return new JsonObject()
        .put("id", UUID.randomUUID().toString())
        .put("actor", new JsonObject().put("objectType", "Agent").put("name", learner)
            .put("account", new JsonObject().put("homePage", "https://moodle.example.org").put("name", learner)))
        .put("verb", new JsonObject().put("id", "http://adlnet.gov/expapi/verbs/" + verb)
            .put("display", new JsonObject().put("es", verb)))
        .put("object", new JsonObject().put("objectType", "Activity").put("id", activity)
            .put("definition", new JsonObject().put("name", new JsonObject().put("es", "Unidad"))));
  }
}
