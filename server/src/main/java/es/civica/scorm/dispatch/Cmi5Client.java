package es.civica.scorm.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Talks to an LMS's LRS the way a cmi5 AU does: {@code Authorization: Basic <auth token>} (the token the fetch URL
 * returned), {@code X-Experience-API-Version: 1.0.3}.
 */
public final class Cmi5Client {
  private final HttpClient http;

  public Cmi5Client(Vertx vertx) {
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000)
        .setIdleTimeout(30).setTrustAll(false).setVerifyHost(true));
  }

  /** Reads the {@code LMS.LaunchData} state document of this launch. */
  public Future<JsonObject> launchData(String endpoint, String token, String activityId, JsonObject actor,
                                       String registration) {
    String url = base(endpoint) + "activities/state?stateId=LMS.LaunchData"
        + "&activityId=" + enc(activityId) + "&agent=" + enc(actor.encode()) + "&registration=" + enc(registration);
    return request(HttpMethod.GET, url, token, null).compose(body -> {
      try {
        return Future.succeededFuture(new JsonObject(body));
      } catch (RuntimeException e) {
        return Future.failedFuture(new IllegalStateException("LMS.LaunchData is not a JSON object"));
      }
    });
  }

  /** POSTs statements to the LMS's LRS. */
  public Future<Void> send(String endpoint, String token, JsonArray statements) {
    return request(HttpMethod.POST, base(endpoint) + "statements", token, statements.encode()).mapEmpty();
  }

  private Future<String> request(HttpMethod method, String url, String token, String body) {
    RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url).setTimeout(20_000)
        .putHeader("Authorization", "Basic " + token)
        .putHeader("X-Experience-API-Version", "1.0.3");
    if (body != null) {
      options.putHeader("Content-Type", "application/json");
    }
    return http.request(options)
        .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
        .compose(resp -> resp.body().compose(b -> resp.statusCode() / 100 == 2
            ? Future.succeededFuture(b.toString(StandardCharsets.UTF_8))
            : Future.failedFuture(new IllegalStateException("LMS LRS answered " + resp.statusCode() + " to "
                + method + " " + url.replaceAll("\\?.*", "")))));
  }

  private static String base(String endpoint) {
    return endpoint.endsWith("/") ? endpoint : endpoint + "/";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
