// The Java half of scripts/bench-gamification (run as a single-file program: java BenchGamification.java URL
// ADMIN_SECRET CONTENT_DIR). JDK only. See the script's header for what it measures.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class BenchGamification {
  static final String COURSE = "https://civica.app/xapi/activities/course/redes-sociales-ap";
  static final String V = "http://adlnet.gov/expapi/verbs/";
  static final String EXT = "https://civica.app/xapi/extensions/";
  static String base;
  static String admin;
  static String auth;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static final List<String> ITEMS = new ArrayList<>();
  static final List<String> QUIZZES = new ArrayList<>();
  static final List<String> SCENARIOS = new ArrayList<>();
  static final List<String> SECTIONS = new ArrayList<>();
  static String simulation;

  public static void main(String[] args) throws Exception {
    base = args[0];
    admin = args[1];
    readCourse(Path.of(args[2]));
    int seconds = Integer.parseInt(env("BENCH_SECONDS", "20"));
    int measureSeconds = Integer.parseInt(env("BENCH_MEASURE_SECONDS", "5"));
    int clients = Integer.parseInt(env("BENCH_CLIENTS", "8"));
    int learners = Integer.parseInt(env("BENCH_LEARNERS", "200"));
    int batch = Integer.parseInt(env("BENCH_BATCH", "5"));

    String created = send("POST", "/admin/api/credentials", "Bearer " + admin,
        "{\"label\":\"bench-gamification\",\"scopes\":[\"all\"]}", 201);
    auth = "Basic " + Base64.getEncoder().encodeToString((field(created, "key") + ":" + field(created, "secret"))
        .getBytes(StandardCharsets.UTF_8));

    // 1. the LRS's ingest rate: closed loop, `clients` concurrent posters of single statements
    String home = "https://lms.bench.example";
    AtomicInteger measured = new AtomicInteger();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(measureSeconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(() -> {
        while (System.nanoTime() < until) {
          post(batch(home, "warmup-" + ThreadLocalRandom.current().nextInt(learners), batch));
          measured.addAndGet(batch);
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(measureSeconds + 60, TimeUnit.SECONDS);
    double rate = measured.get() / (double) measureSeconds;
    System.out.printf("LRS ingest rate (closed loop, %d clients, POSTs of %d statements of one learner): %.0f statements/s%n",
        clients, batch, rate);
    idle();

    // 2. push at that rate, open loop, and read the lag the server measured
    send("DELETE", "/admin/api/gamification/lag", "Bearer " + admin, null, 204);
    int posts = (int) Math.max(1, Math.round(rate * seconds / batch));
    int total = posts * batch;
    long intervalNanos = (long) (1e9 * batch / rate);
    ExecutorService senders = Executors.newFixedThreadPool(Math.max(clients * 4, 16));
    AtomicLong late = new AtomicLong();
    long start = System.nanoTime();
    for (int i = 0; i < posts; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      } else if (wait < -50_000_000L) {
        late.incrementAndGet();
      }
      String learner = "learner-" + ThreadLocalRandom.current().nextInt(learners);
      senders.submit(() -> {
        post(batch(home, learner, batch));
        return null;
      });
    }
    senders.shutdown();
    senders.awaitTermination(120, TimeUnit.SECONDS);
    double pushSeconds = (System.nanoTime() - start) / 1e9;
    idle();
    String lag = send("GET", "/admin/api/gamification/lag", "Bearer " + admin, null, 200);
    System.out.printf("Pushed %d statements of %d learners in %.1f s (%.0f/s; %d sends more than 50 ms behind schedule)%n",
        total, learners, pushSeconds, total / pushSeconds, late.get());
    long p99 = Long.parseLong(field(lag, "p99"));
    System.out.printf("Projection lag (stored → projection committed), %s samples: p50 %s ms, p90 %s ms, p99 %d ms, max %s ms%n",
        field(lag, "samples"), field(lag, "p50"), field(lag, "p90"), p99, field(lag, "max"));
    System.out.println("Target p99 < 1000 ms: " + (p99 < 1000 ? "met" : "NOT met"));
    System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, load average " + loadAverage()
        + " (other work on the machine shows in the figures)");
  }

  /** Waits until the projection stops taking samples (the projector has caught up). */
  static void idle() throws Exception {
    String last = "";
    int stable = 0;
    while (stable < 4) {
      Thread.sleep(500);
      String now = field(send("GET", "/admin/api/gamification/lag", "Bearer " + admin, null, 200), "samples");
      stable = now.equals(last) ? stable + 1 : 0;
      last = now;
    }
  }

  /** One XP-relevant statement of a random kind, as the player writes them. */
  static String statement(String home, String learner) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int kind = r.nextInt(20);
    String verb;
    String object;
    String result;
    if (kind < 11) {
      verb = "answered";
      object = ITEMS.get(r.nextInt(ITEMS.size()));
      result = "{\"success\":" + r.nextBoolean() + "}";
    } else if (kind < 15) {
      verb = "experienced";
      object = SECTIONS.get(r.nextInt(SECTIONS.size()));
      result = null;
    } else if (kind < 17) {
      verb = "completed";
      object = SCENARIOS.get(r.nextInt(SCENARIOS.size()));
      String tier = List.of("best", "good", "poor", "bad").get(r.nextInt(4));
      result = "{\"success\":true,\"extensions\":{\"" + EXT + "tier\":\"" + tier + "\",\"" + EXT
          + "metrics\":{\"escalation\":" + r.nextInt(40) + "}}}";
    } else if (kind < 19) {
      verb = "interacted";
      object = simulation;
      result = "{\"success\":" + (r.nextInt(3) == 0) + "}";
    } else {
      verb = "passed";
      object = QUIZZES.get(r.nextInt(QUIZZES.size()));
      result = "{\"success\":true,\"score\":{\"scaled\":" + (0.8 + r.nextInt(3) / 10.0) + "}}";
    }
    return "{\"id\":\"" + UUID.randomUUID() + "\",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\""
        + home + "\",\"name\":\"" + learner + "\"}},\"verb\":{\"id\":\"" + V + verb + "\",\"display\":{\"en-US\":\""
        + verb + "\"}},\"object\":{\"objectType\":\"Activity\",\"id\":\"" + object + "\"}"
        + (result == null ? "" : ",\"result\":" + result) + "}";
  }

  static String batch(String home, String learner, int size) {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      list.add(statement(home, learner));
    }
    return "[" + String.join(",", list) + "]";
  }

  static void post(String json) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/xapi/statements"))
        .header("Authorization", auth).header("X-Experience-API-Version", "1.0.3")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("POST /xapi/statements: " + r.statusCode() + " " + r.body());
    }
  }

  static String send(String method, String path, String authorization, String body, int expected) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization);
    b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /** A top-level scalar field of a flat JSON answer. */
  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
    return m.find() ? m.group(1) : "";
  }

  /** Activity IRIs of the course, read from the content package (FORMAT.md, Ids). */
  static void readCourse(Path content) throws Exception {
    try (Stream<Path> dirs = Files.list(content.resolve("units"))) {
      for (Path dir : dirs.sorted().toList()) {
        int n = Integer.parseInt(dir.getFileName().toString().replaceAll("-.*", ""));
        String unit = COURSE + "/unit/" + n;
        QUIZZES.add(unit + "/quiz/u" + n + "-quiz");
        collect(Files.readString(dir.resolve("items.json")), "u" + n + "-i[0-9]+", unit + "/item/", ITEMS);
        collect(Files.readString(dir.resolve("unit.json")), "u" + n + "-l[0-9]+-s[0-9]+", unit + "/section/", SECTIONS);
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.toList()) {
            String name = f.getFileName().toString();
            if (name.startsWith("scenario-")) {
              SCENARIOS.add(unit + "/scenario/" + name.substring("scenario-".length(), name.length() - 5));
            } else if (name.startsWith("simulation-")) {
              simulation = unit + "/simulation/" + name.substring("simulation-".length(), name.length() - 5);
            }
          }
        }
      }
    }
  }

  static void collect(String json, String idPattern, String prefix, List<String> out) {
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"(" + idPattern + ")\"").matcher(json);
    while (m.find()) {
      if (!out.contains(prefix + m.group(1))) {
        out.add(prefix + m.group(1));
      }
    }
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
