package es.civica.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

/** The verify endpoint's per-IP token bucket, through the real server and on its own. */
class VerifyRateLimitTest {
  private static TestServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(new JsonObject().put("CIVICA_VERIFY_RATE_PER_MINUTE", "2").put("CIVICA_VERIFY_BURST", "5"));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<String> get(String path, String accept) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("past the burst a client gets 429 with Retry-After (JSON or page); other endpoints are not limited")
  void tooManyRequests() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertEquals(404, get("/verify/" + CertificateIds.random(), "application/json").statusCode(), "request " + i);
    }
    HttpResponse<String> refused = get("/verify/" + CertificateIds.random(), "application/json");
    assertEquals(429, refused.statusCode());
    long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retry >= 1 && retry <= 30, "one token every 30 s: " + retry);
    assertEquals(retry, new JsonObject(refused.body()).getLong("retryAfter"));
    HttpResponse<String> page = get("/verify/" + CertificateIds.random(), "text/html");
    assertEquals(429, page.statusCode());
    assertTrue(page.body().contains("Demasiadas consultas"));
    assertEquals(200, get("/health", "application/json").statusCode());
    assertEquals(200, get("/.well-known/civica-issuer.json", "application/json").statusCode());
  }

  @Test
  @DisplayName("the bucket refills at the configured rate, per client, and 0 a minute means no limit")
  void bucket() {
    AtomicLong now = new AtomicLong(0);
    RateLimiter limiter = new RateLimiter(60, 2, now::get);
    assertEquals(0, limiter.tryAcquire("a"));
    assertEquals(0, limiter.tryAcquire("a"));
    assertEquals(1, limiter.tryAcquire("a"));
    assertEquals(0, limiter.tryAcquire("b"), "another client has its own bucket");
    now.addAndGet(999_000_000L);
    assertEquals(1, limiter.tryAcquire("a"));
    now.addAndGet(2_000_000L);
    assertEquals(0, limiter.tryAcquire("a"));
    now.addAndGet(3_600_000_000_000L);
    assertEquals(0, limiter.tryAcquire("a"));
    assertEquals(0, limiter.tryAcquire("a"));
    assertEquals(1, limiter.tryAcquire("a"), "never more than the burst, however long the wait");
    RateLimiter off = new RateLimiter(0, 0, now::get);
    for (int i = 0; i < 1000; i++) {
      assertEquals(0, off.tryAcquire("a"));
    }
  }
}
