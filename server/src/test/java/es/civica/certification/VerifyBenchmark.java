package es.civica.certification;

import es.civica.Application;
import es.civica.Settings;
import es.civica.certificates.CertificateData;
import es.civica.certificates.CertificateIssuer;
import es.civica.certificates.IssuedCertificate;
import es.civica.certificates.IssuerKeys;
import es.civica.certificates.IssuerProfile;
import es.civica.certificates.UnitResult;
import es.civica.support.TempFolders;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Latency of {@code GET /verify/{id}} (JSON) under concurrent clients, with {@code GET /health} measured the same
 * way in the same run as a baseline. Run by {@code scripts/bench-certificates}.
 *
 * <pre>VerifyBenchmark [--certificates 1000] [--clients 32] [--seconds 10] [--warmup 3] [--port 18089]
 *                 [--pool-size 10] [--url http://host:port --admin-secret S]</pre>
 * Without {@code --url} it starts the server in this JVM (embedded PostgreSQL in a temporary folder, no rate limit)
 * and records N certificates, each rendered and signed with the server's issuer key; with {@code --url} it measures
 * a running server, taking the ids of its certificates from the admin API (that server's rate limit must allow it:
 * {@code CIVICA_VERIFY_RATE_PER_MINUTE=0}).
 */
public final class VerifyBenchmark {

  private VerifyBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int certificates = intArg(args, "--certificates", 1000);
    int clients = intArg(args, "--clients", 32);
    int seconds = intArg(args, "--seconds", 10);
    int warmup = intArg(args, "--warmup", 3);
    String url = arg(args, "--url", null);
    Application app = null;
    Path dataDir = null;
    List<String> ids;
    try {
      if (url == null) {
        dataDir = Files.createTempDirectory("civica-bench");
        int port = intArg(args, "--port", 18089);
        Settings settings = Settings.from(new JsonObject()
            .put("CIVICA_HTTP_PORT", String.valueOf(port))
            .put("CIVICA_DATA_DIR", dataDir.toString())
            .put("CIVICA_VERIFY_RATE_PER_MINUTE", "0")
            .put("CIVICA_DB_POOL_SIZE", arg(args, "--pool-size", "10")));
        app = Application.start(settings);
        url = "http://localhost:" + app.port();
        long t0 = System.nanoTime();
        ids = seed(app, certificates);
        System.out.printf("seeded %d certificates (rendered, signed, recorded) in %.1f s%n", ids.size(),
            (System.nanoTime() - t0) / 1e9);
      } else {
        ids = listIds(url, arg(args, "--admin-secret", ""));
        System.out.printf("%d certificates listed on %s%n", ids.size(), url);
      }
      if (ids.isEmpty()) {
        throw new IllegalStateException("No certificate to verify");
      }
      System.out.printf("clients: %d, warm-up: %d s, measured: %d s per endpoint%n", clients, warmup, seconds);
      String base = url;
      List<String> known = ids;
      load(clients, warmup, () -> base + "/verify/" + known.get(ThreadLocalRandom.current().nextInt(known.size())));
      load(clients, warmup, () -> base + "/health");
      report("GET /health (baseline)", load(clients, seconds, () -> base + "/health"), seconds);
      report("GET /verify/{id} JSON", load(clients, seconds,
          () -> base + "/verify/" + known.get(ThreadLocalRandom.current().nextInt(known.size()))), seconds);
      report("GET /verify/{unknown} JSON", load(clients, seconds, () -> base + "/verify/" + CertificateIds.random()),
          seconds);
    } finally {
      if (app != null) {
        app.close();
      }
      if (dataDir != null) {
        TempFolders.delete(dataDir);
      }
    }
  }

  /** Records n certificates as the registry does, rendered and signed with the server's key. */
  static List<String> seed(Application app, int n) throws Exception {
    CertificateSettings cs = app.settings().certificates();
    CertificateIssuer issuer = new CertificateIssuer(IssuerKeys.load(cs.issuerKeyFile()));
    IssuerProfile profile = IssuerSetup.profile(cs, app.settings().publicUrl());
    CertificateStore store = new CertificateStore();
    List<String> ids = new ArrayList<>();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<UnitResult> units = List.of(
        new UnitResult(1, "Gobernanza inteligente e innovación abierta", today.minusDays(9), 0.9),
        new UnitResult(2, "Administración colaborativa y gobierno abierto", today.minusDays(7), 0.85),
        new UnitResult(3, "Empleados públicos en redes sociales", today.minusDays(5), 1.0),
        new UnitResult(4, "Redes sociales en la administración local", today.minusDays(3), 0.8),
        new UnitResult(5, "Plan de social media", today.minusDays(1), 0.95));
    List<CertificateStore.NewCertificate> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = CertificateIds.random();
      String verification = app.settings().publicUrl() + "/verify/" + id;
      CertificateData data = new CertificateData(id, "Persona de Prueba " + i, null, "Redes sociales en la "
          + "Administración pública", "https://civica.app/xapi/activities/course/redes-sociales-ap", 30, units,
          profile, today, today.plusYears(2), verification, null);
      IssuedCertificate issued = issuer.issue(data);
      batch.add(new CertificateStore.NewCertificate(new CertificateRecord(id, UUID.randomUUID(), data.holderName(),
          "bench.example", data.courseIri(), data.courseTitle(), 30, units, profile.name(), profile.url(),
          issuer.publicKey().didKey(), today, today.plusYears(2), OffsetDateTime.now(ZoneOffset.UTC), null, null,
          issued.sha256(), verification, issued.qrUrl(), null, null, null, null), null, issued.pdf(),
          issued.credentialJson()));
      ids.add(id);
      if (batch.size() == 100 || i == n - 1) {
        List<CertificateStore.NewCertificate> rows = List.copyOf(batch);
        app.db().transaction(dsl -> {
          rows.forEach(r -> store.insert(dsl, r));
          return null;
        }).await(60, TimeUnit.SECONDS);
        batch.clear();
      }
    }
    return ids;
  }

  static List<String> listIds(String url, String secret) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(url + "/admin/api/certificates?limit=500")).header("Authorization", "Bearer " + secret).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Listing certificates answered " + r.statusCode() + ": " + r.body());
    }
    JsonArray list = new JsonObject(r.body()).getJsonArray("certificates");
    return list.stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  private record Result(long[] latenciesNanos, long errors) {
  }

  /**
   * {@code clients} concurrent keep-alive connections, each sending its next GET as soon as the previous answer is
   * read, for the given time. Why Vert.x's client on one event loop and not a thread per client: the load generator
   * shares the machine's two cores with the server, and the JDK client spent more CPU than the server did.
   */
  private static Result load(int clients, int seconds, java.util.function.Supplier<String> target) throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      HttpClientAgent http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(clients));
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      long[][] latencies = {new long[1 << 16]};
      int[] count = {0};
      long[] errors = {0};
      CountDownLatch done = new CountDownLatch(clients);
      // every callback runs on the client's single event loop: the arrays need no locking
      vertx.runOnContext(v -> {
        for (int c = 0; c < clients; c++) {
          next(http, target, deadline, latencies, count, errors, done);
        }
      });
      done.await();
      long[] all = Arrays.copyOf(latencies[0], count[0]);
      Arrays.sort(all);
      return new Result(all, errors[0]);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static void next(HttpClientAgent http, java.util.function.Supplier<String> target, long deadline,
                           long[][] latencies, int[] count, long[] errors, CountDownLatch done) {
    if (System.nanoTime() >= deadline) {
      done.countDown();
      return;
    }
    long start = System.nanoTime();
    http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(target.get())
            .putHeader("Accept", "application/json"))
        .compose(req -> req.send().compose(resp -> resp.body().map(b -> resp.statusCode())))
        .onComplete(r -> {
          if (r.failed() || (r.result() != 200 && r.result() != 404)) {
            errors[0]++;
          }
          if (count[0] == latencies[0].length) {
            latencies[0] = Arrays.copyOf(latencies[0], latencies[0].length * 2);
          }
          latencies[0][count[0]++] = System.nanoTime() - start;
          next(http, target, deadline, latencies, count, errors, done);
        });
  }

  private static void report(String name, Result r, int seconds) {
    long[] l = r.latenciesNanos();
    System.out.printf("%-28s requests: %7d (%6.0f/s), errors: %d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms%n",
        name, l.length, l.length / (double) seconds, r.errors(), pct(l, 0.50), pct(l, 0.90), pct(l, 0.99),
        l.length == 0 ? 0 : l[l.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static int intArg(String[] args, String name, int fallback) {
    return Integer.parseInt(arg(args, name, String.valueOf(fallback)));
  }
}
