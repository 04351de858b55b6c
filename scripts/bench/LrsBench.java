import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * LrsBench — the load generator behind scripts/bench-lrs (issue 2). A benchmark, not a test: it prints figures
 * and ratios against a baseline measured in the same run, and never fails on absolute times.
 *
 * <p>Run by the JDK's source launcher with the server's dependency folder on the class path (PostgreSQL driver,
 * zonky embedded PostgreSQL, Flyway, Jackson):
 * {@code java -cp 'server/target/lib/*' scripts/bench/LrsBench.java --url http://localhost:8080/xapi --key K --secret S
 * [--version 1.0.3|2.0.0] [--statements N] [--cell-seconds S] [--cells 1x1,100x8,...] [--bulk-clients N]
 * [--queries Q] [--query-seconds S] [--limit L] [--migrations LOCATION] [--label TEXT] [--home-page URL]
 * [--server-pids PID,PID]}. With --server-pids (the LRS's processes, e.g. the server and its PostgreSQL's postmaster)
 * the ratio rounds also report CPU per statement on each side.
 * LOCATION is a Flyway location ({@code classpath:db/migration} with the server jar on the class path: the schema
 * of the very build under test) or a folder. Without --migrations there is no raw ceiling; with --queries 0 no
 * query phase.
 *
 * <p>Phases: (1) POST throughput for batches of 1 and 100 at 1, 8 and 32 concurrent clients, each cell for a fixed
 * time; (2) the raw ceiling: the same statement rows inserted by JDBC batch (100 statements per transaction,
 * 8 threads) into a separate embedded PostgreSQL migrated with our migrations, with the LRS's durability settings
 * (fsync=on, synchronous_commit=on), in three rounds alternating with rounds of the LRS cell it is compared with
 * (batch 100, 8 clients), right after phase 1 so both see small tables — on a shared machine the ratio of such
 * neighbours is steadier than either figure; (3) bulk load up to N stored statements (batches of 100, 8 clients); (4) GET latency of agent+verb+since,
 * activity and registration queries with values drawn from what was stored. Tables on stdout, progress on
 * stderr, and one final JSON line with every figure.
 */
public final class LrsBench {
  static final PrintStream OUT = System.out;
  static final PrintStream LOG = System.err;
  static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  // Targets of issue 2 (informative: marked met / not met, never an exit status).
  static final double TARGET_INGEST = 5_000;
  static final double TARGET_RATIO = 0.5;
  static final double TARGET_P95_MS = 20;

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      LOG.println("LrsBench: " + e.getMessage());
      System.exit(2);
      return;
    }
    int status = new LrsBench(o).run();
    System.exit(status);
  }

  // ---------------------------------------------------------------------------------------------- options

  record Options(String url, String key, String secret, String version, long statements, int cellSeconds,
                 int queries, int limit, String migrations, String homePage, String label, List<int[]> cells,
                 int bulkClients, int querySeconds, List<Long> serverPids) {

    static Options parse(String[] args) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (!a.startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("unexpected argument " + a + " (options are --name value)");
        }
        m.put(a.substring(2), args[++i]);
      }
      for (String required : List.of("url", "key", "secret")) {
        if (!m.containsKey(required)) {
          throw new IllegalArgumentException("--" + required + " is required");
        }
      }
      String url = m.get("url").replaceAll("/+$", "");
      String version = m.getOrDefault("version", "1.0.3");
      if (!version.equals("1.0.3") && !version.equals("2.0.0")) {
        throw new IllegalArgumentException("--version must be 1.0.3 or 2.0.0");
      }
      String migrations = m.get("migrations");
      if (migrations != null && !migrations.startsWith("classpath:") && !migrations.startsWith("filesystem:")) {
        migrations = "filesystem:" + Path.of(migrations).toAbsolutePath();
      }
      return new Options(url, m.get("key"), m.get("secret"), version,
          Long.parseLong(m.getOrDefault("statements", "1000000")),
          Integer.parseInt(m.getOrDefault("cell-seconds", "10")),
          Integer.parseInt(m.getOrDefault("queries", "1000")),
          Integer.parseInt(m.getOrDefault("limit", "10")),
          migrations,
          m.getOrDefault("home-page", "https://campus.example.org"),
          m.getOrDefault("label", "lrs"),
          cells(m.getOrDefault("cells", "1x1,1x8,1x32,100x1,100x8,100x32")),
          Integer.parseInt(m.getOrDefault("bulk-clients", "8")),
          Integer.parseInt(m.getOrDefault("query-seconds", "180")),
          m.get("server-pids") == null ? List.of()
              : Arrays.stream(m.get("server-pids").split(",")).map(String::trim).filter(x -> !x.isEmpty())
                  .map(Long::valueOf).toList());
    }

    /** "1x1,100x8": batch x clients. */
    private static List<int[]> cells(String spec) {
      List<int[]> cells = new ArrayList<>();
      for (String cell : spec.split(",")) {
        String[] bc = cell.trim().split("x");
        if (bc.length != 2) {
          throw new IllegalArgumentException("--cells takes batch x clients pairs, e.g. 1x1,100x8");
        }
        cells.add(new int[] {Integer.parseInt(bc[0]), Integer.parseInt(bc[1])});
      }
      return cells;
    }
  }

  // ------------------------------------------------------------------------------- the statements we send

  /** The verbs our product emits (ADL vocabulary, as cmi5 uses them). */
  enum Verb {
    ANSWERED("http://adlnet.gov/expapi/verbs/answered", "respondió"),
    EXPERIENCED("http://adlnet.gov/expapi/verbs/experienced", "experimentó"),
    PASSED("http://adlnet.gov/expapi/verbs/passed", "superó"),
    FAILED("http://adlnet.gov/expapi/verbs/failed", "no superó"),
    COMPLETED("http://adlnet.gov/expapi/verbs/completed", "completó");

    final String iri;
    final String json;

    Verb(String iri, String display) {
      this.iri = iri;
      this.json = "{\"id\":\"" + iri + "\",\"display\":{\"es-ES\":\"" + display + "\",\"en-US\":\""
          + name().toLowerCase(Locale.ROOT) + "\"}}";
    }
  }

  /**
   * The course as the product describes it in xAPI: 5 units, each with 5 lessons, a bank of 30 items (6 per
   * lesson) and an end-of-unit quiz of 10. Object JSON (with definitions) is rendered once.
   */
  static final class Course {
    static final String COURSE = "https://civica.app/xapi/activities/course/redes-sociales-ap";
    static final String PROFILE = "https://civica.app/xapi/profile/v1";
    static final int UNITS = 5;
    static final int LESSONS = 5;
    static final int ITEMS = 30;
    static final int QUIZ_ITEMS = 10;
    static final int PRACTICE_PER_LESSON = 4;

    final String[] unitIri = new String[UNITS];
    final String[] unitJson = new String[UNITS];
    final String[] quizIri = new String[UNITS];
    final String[] quizJson = new String[UNITS];
    final String[][] lessonIri = new String[UNITS][LESSONS];
    final String[][] lessonJson = new String[UNITS][LESSONS];
    final String[][] itemIri = new String[UNITS][ITEMS];
    final String[][] itemJson = new String[UNITS][ITEMS];
    final char[][] itemKey = new char[UNITS][ITEMS];

    Course() {
      for (int u = 0; u < UNITS; u++) {
        int n = u + 1;
        unitIri[u] = COURSE + "/unit/" + n;
        unitJson[u] = activity(unitIri[u], "http://adlnet.gov/expapi/activities/module", "Unidad " + n, null);
        quizIri[u] = unitIri[u] + "/quiz/u" + n + "-quiz";
        quizJson[u] = activity(quizIri[u], "http://adlnet.gov/expapi/activities/assessment",
            "Cuestionario final de la unidad " + n, null);
        for (int l = 0; l < LESSONS; l++) {
          lessonIri[u][l] = unitIri[u] + "/lesson/u" + n + "-l" + (l + 1);
          lessonJson[u][l] = activity(lessonIri[u][l], "http://adlnet.gov/expapi/activities/lesson",
              "Lección " + n + "." + (l + 1), null);
        }
        for (int i = 0; i < ITEMS; i++) {
          String id = String.format("u%d-i%02d", n, i + 1);
          itemIri[u][i] = unitIri[u] + "/item/" + id;
          itemKey[u][i] = (char) ('a' + (i * 7 + u) % 4);
          String interaction = ",\"interactionType\":\"choice\",\"correctResponsesPattern\":[\"" + itemKey[u][i]
              + "\"],\"choices\":[" + choice('a') + "," + choice('b') + "," + choice('c') + "," + choice('d') + "]";
          itemJson[u][i] = activity(itemIri[u][i], "http://adlnet.gov/expapi/activities/cmi.interaction",
              "Pregunta " + id, interaction);
        }
      }
    }

    private static String activity(String iri, String type, String name, String extra) {
      return "{\"objectType\":\"Activity\",\"id\":\"" + iri + "\",\"definition\":{\"type\":\"" + type
          + "\",\"name\":{\"es-ES\":\"" + name + "\"},\"description\":{\"es-ES\":\"" + name
          + " del curso Redes sociales en la Administración pública\"}" + (extra == null ? "" : extra) + "}}";
    }

    private static String choice(char id) {
      return "{\"id\":\"" + id + "\",\"description\":{\"es-ES\":\"Opción " + id + "\"}}";
    }
  }

  /** One statement to send, decided under the generator's lock; rendered to JSON outside it. */
  record Spec(int learner, int unit, UUID registration, int attempt, Verb verb, String objectIri, String objectJson,
              String parentIri, String resultJson) {
  }

  /**
   * Learners work through units in sessions: a registration per learner and unit (and round), about 39
   * statements each (5 lessons experienced with 4 practice answers each, a 10-question quiz, passed or failed
   * then retaken, the unit completed). About 1,000 sessions are open at once, so a registration's statements are
   * spread over some tens of thousands of stored statements, as when many learners work at the same time.
   */
  static final class Generator {
    static final int LEARNERS = 5_000;
    static final int ACTIVE_SESSIONS = 1_000;

    final Course course;
    final String runTag;
    final String homePage;
    final String[] learnerActor;
    final String[] learnerAgentParam;
    private final Random random;
    private final Session[] active = new Session[ACTIVE_SESSIONS];
    private int[] order;
    private int nextInOrder;
    private int round;

    Generator(Course course, String runTag, String homePage, long seed) {
      this.course = course;
      this.runTag = runTag;
      this.homePage = homePage;
      this.random = new Random(seed);
      learnerActor = new String[LEARNERS];
      learnerAgentParam = new String[LEARNERS];
      for (int i = 0; i < LEARNERS; i++) {
        String account = "{\"homePage\":\"" + homePage + "\",\"name\":\"" + learnerName(i) + "\"}";
        learnerActor[i] = "{\"objectType\":\"Agent\",\"name\":\"Aprendiz " + (i + 1) + "\",\"account\":" + account + "}";
        learnerAgentParam[i] = "{\"objectType\":\"Agent\",\"account\":" + account + "}";
      }
      shuffleOrder();
      for (int s = 0; s < ACTIVE_SESSIONS; s++) {
        active[s] = newSession();
      }
    }

    String learnerName(int i) {
      return "bench-" + runTag + "-" + String.format("%05d", i + 1);
    }

    private void shuffleOrder() {
      order = new int[LEARNERS * Course.UNITS];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      nextInOrder = 0;
    }

    private Session newSession() {
      if (nextInOrder == order.length) {
        round++;
        shuffleOrder();
      }
      int pair = order[nextInOrder++];
      int learner = pair / Course.UNITS;
      int unit = pair % Course.UNITS;
      UUID registration = UUID.nameUUIDFromBytes(
          (runTag + "/" + learner + "/" + unit + "/" + round).getBytes(StandardCharsets.UTF_8));
      return new Session(learner, unit, registration, plan(unit));
    }

    /** The steps of one session, encoded as {kind, a, b}. */
    private List<int[]> plan(int unit) {
      List<int[]> steps = new ArrayList<>(48);
      for (int l = 0; l < Course.LESSONS; l++) {
        steps.add(new int[] {Step.LESSON, l, 0});
        int first = l * (Course.ITEMS / Course.LESSONS);
        int skip = random.nextInt(Course.ITEMS / Course.LESSONS);
        for (int k = 0, taken = 0; taken < Course.PRACTICE_PER_LESSON; k++) {
          if (k != skip && k != (skip + 3) % (Course.ITEMS / Course.LESSONS)) {
            steps.add(new int[] {Step.PRACTICE, l, first + k});
            taken++;
          }
        }
      }
      for (int attempt = 1; attempt <= 2; attempt++) {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < Course.ITEMS; i++) {
          items.add(i);
        }
        Collections.shuffle(items, random);
        for (int q = 0; q < Course.QUIZ_ITEMS; q++) {
          steps.add(new int[] {Step.QUIZ_ANSWER, attempt, items.get(q)});
        }
        boolean pass = attempt == 2 || random.nextDouble() < 0.8;
        steps.add(new int[] {Step.QUIZ_RESULT, attempt, pass ? 1 : 0});
        if (pass) {
          break;
        }
      }
      steps.add(new int[] {Step.COMPLETE, 0, 0});
      return steps;
    }

    /** The next statement of a random open session. */
    synchronized Spec next() {
      int slot = random.nextInt(ACTIVE_SESSIONS);
      Session s = active[slot];
      int[] step = s.steps.get(s.cursor++);
      if (s.cursor == s.steps.size()) {
        active[slot] = newSession();
      }
      return spec(s, step);
    }

    private Spec spec(Session s, int[] step) {
      int u = s.unit;
      ThreadLocalRandom r = ThreadLocalRandom.current();
      return switch (step[0]) {
        case Step.LESSON -> new Spec(s.learner, u, s.registration, 1, Verb.EXPERIENCED, course.lessonIri[u][step[1]],
            course.lessonJson[u][step[1]], course.unitIri[u],
            "{\"completion\":true,\"duration\":\"PT" + (60 + r.nextInt(600)) + "S\"}");
        case Step.PRACTICE, Step.QUIZ_ANSWER -> {
          int item = step[2];
          boolean quiz = step[0] == Step.QUIZ_ANSWER;
          boolean correct = r.nextDouble() < 0.7;
          char key = course.itemKey[u][item];
          char response = correct ? key : (char) ('a' + (key - 'a' + 1 + r.nextInt(3)) % 4);
          String result = "{\"score\":{\"scaled\":" + (correct ? 1 : 0) + ",\"raw\":" + (correct ? 1 : 0)
              + ",\"min\":0,\"max\":1},\"success\":" + correct + ",\"response\":\"" + response
              + "\",\"duration\":\"PT" + (5 + r.nextInt(90)) + "S\"}";
          yield new Spec(s.learner, u, s.registration, quiz ? step[1] : 1, Verb.ANSWERED, course.itemIri[u][item],
              course.itemJson[u][item],
              quiz ? course.quizIri[u] : course.lessonIri[u][item / (Course.ITEMS / Course.LESSONS)], result);
        }
        case Step.QUIZ_RESULT -> {
          boolean pass = step[2] == 1;
          int raw = pass ? 8 + r.nextInt(3) : 3 + r.nextInt(5);
          String result = "{\"score\":{\"scaled\":" + (raw / 10.0) + ",\"raw\":" + raw + ",\"min\":0,\"max\":10},"
              + "\"success\":" + pass + ",\"completion\":true,\"duration\":\"PT" + (300 + r.nextInt(600)) + "S\"}";
          yield new Spec(s.learner, u, s.registration, step[1], pass ? Verb.PASSED : Verb.FAILED, course.quizIri[u],
              course.quizJson[u], course.unitIri[u], result);
        }
        default -> new Spec(s.learner, u, s.registration, 1, Verb.COMPLETED, course.unitIri[u], course.unitJson[u],
            Course.COURSE, "{\"completion\":true,\"duration\":\"PT" + (1800 + r.nextInt(5400)) + "S\"}");
      };
    }

    /** The statement as a client sends it; {@code lrsFields} (or null) adds what the LRS sets, for raw rows. */
    String render(Spec s, UUID id, String timestamp, String lrsFields) {
      StringBuilder b = new StringBuilder(1600);
      b.append("{\"id\":\"").append(id).append("\",\"actor\":").append(learnerActor[s.learner()])
          .append(",\"verb\":").append(s.verb().json)
          .append(",\"object\":").append(s.objectJson())
          .append(",\"result\":").append(s.resultJson())
          .append(",\"context\":{\"registration\":\"").append(s.registration())
          .append("\",\"contextActivities\":{\"parent\":[{\"objectType\":\"Activity\",\"id\":\"").append(s.parentIri())
          .append("\"}],\"grouping\":[{\"objectType\":\"Activity\",\"id\":\"").append(Course.COURSE).append("\"}");
      if (!s.parentIri().equals(Course.COURSE) && !s.parentIri().equals(course.unitIri[s.unit()])) {
        b.append(",{\"objectType\":\"Activity\",\"id\":\"").append(course.unitIri[s.unit()]).append("\"}");
      }
      b.append("],\"category\":[{\"objectType\":\"Activity\",\"id\":\"").append(Course.PROFILE).append("\"}]}")
          .append(",\"platform\":\"Cívica\",\"language\":\"es-ES\",\"extensions\":{")
          .append("\"https://civica.app/xapi/extensions/attempt\":").append(s.attempt()).append("}}")
          .append(",\"timestamp\":\"").append(timestamp).append('"');
      if (lrsFields != null) {
        b.append(lrsFields);
      }
      return b.append('}').toString();
    }

    /** The rows statement_to_actor / statement_to_activity get for this statement, as the LRS indexes it. */
    List<String[]> activityRows(Spec s) {
      List<String[]> rows = new ArrayList<>(5);
      rows.add(new String[] {s.objectIri(), "object"});
      rows.add(new String[] {s.parentIri(), "parent"});
      rows.add(new String[] {Course.COURSE, "grouping"});
      if (!s.parentIri().equals(Course.COURSE) && !s.parentIri().equals(course.unitIri[s.unit()])) {
        rows.add(new String[] {course.unitIri[s.unit()], "grouping"});
      }
      rows.add(new String[] {Course.PROFILE, "category"});
      return rows;
    }

    String actorIfi(Spec s) {
      return "account::" + homePage + "::" + learnerName(s.learner());
    }
  }

  static final class Step {
    static final int LESSON = 0;
    static final int PRACTICE = 1;
    static final int QUIZ_ANSWER = 2;
    static final int QUIZ_RESULT = 3;
    static final int COMPLETE = 4;
  }

  static final class Session {
    final int learner;
    final int unit;
    final UUID registration;
    final List<int[]> steps;
    int cursor;

    Session(int learner, int unit, UUID registration, List<int[]> steps) {
      this.learner = learner;
      this.unit = unit;
      this.registration = registration;
      this.steps = steps;
    }
  }

  /** What was really stored, kept as a uniform sample (reservoir) to draw query values from. */
  record Sample(int learner, Verb verb, long sentMillis, String activityIri, UUID registration) {
  }

  static final class Reservoir {
    private final Sample[] samples;
    private final Random random = new Random(7);
    private long seen;

    Reservoir(int size) {
      samples = new Sample[size];
    }

    synchronized void add(Sample s) {
      seen++;
      if (seen <= samples.length) {
        samples[(int) seen - 1] = s;
      } else {
        long j = (long) (random.nextDouble() * seen);
        if (j < samples.length) {
          samples[(int) j] = s;
        }
      }
    }

    synchronized Sample pick(Random r) {
      int n = (int) Math.min(seen, samples.length);
      return samples[r.nextInt(n)];
    }

    synchronized long seen() {
      return seen;
    }
  }

  // ------------------------------------------------------------------------------------------ measuring

  /** A growable list of latencies in nanoseconds, one per thread. */
  static final class Latencies {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    static long[] merge(List<Latencies> all) {
      int n = all.stream().mapToInt(l -> l.size).sum();
      long[] out = new long[n];
      int at = 0;
      for (Latencies l : all) {
        System.arraycopy(l.values, 0, out, at, l.size);
        at += l.size;
      }
      Arrays.sort(out);
      return out;
    }
  }

  static double percentileMs(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
  }

  record LoadResult(int batch, int clients, long requests, long statements, double seconds, long errors,
                    double p50Ms, double p99Ms, double maxMs) {
    double statementsPerSecond() {
      return statements / seconds;
    }

    double requestsPerSecond() {
      return requests / seconds;
    }
  }

  record QueryResult(String kind, int requests, double p50Ms, double p95Ms, double p99Ms, double maxMs,
                     double avgReturned, long errors) {
  }

  record RawResult(long statements, double seconds, int threads, int batch, long actorRows, long activityRows) {
    double statementsPerSecond() {
      return statements / seconds;
    }
  }

  // ---------------------------------------------------------------------------------------------- the run

  private final Options o;
  private final HttpClient http;
  private final String authorization;
  private final Course course = new Course();
  private final Generator generator;
  private final Reservoir reservoir = new Reservoir(50_000);
  private final ObjectMapper json = new ObjectMapper();
  private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
  private final ConcurrentHashMap<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
  private final AtomicLong totalErrors = new AtomicLong();
  private final String runTag;
  private final List<String> broken = new ArrayList<>();
  private final Map<String, Double> loads = new LinkedHashMap<>();

  LrsBench(Options o) {
    this.o = o;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((o.key() + ":" + o.secret()).getBytes(StandardCharsets.UTF_8));
    this.runTag = Long.toString(System.currentTimeMillis() % 0xFFFFFFL, 36);
    this.generator = new Generator(course, runTag, o.homePage(), 42);
  }

  int run() throws Exception {
    OUT.printf("LRS benchmark (issue 2) — %s%n", OffsetDateTime.now(ZoneOffset.UTC).format(ISO));
    OUT.printf("LRS: %s  xAPI %s  label %s  run tag %s%n", o.url(), o.version(), o.label(), runTag);
    OUT.printf("Machine: %d cores, load generator on the same machine; %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    OUT.printf("Statements: %d learners (account on %s), %d units, verbs answered/experienced/passed/failed/completed,%n"
        + "            one registration per learner and unit, context parent+grouping+category, result with score%n",
        Generator.LEARNERS, o.homePage(), Course.UNITS);
    check(post(List.of(generator.next()), 1, new AtomicLong(), Long.MAX_VALUE) == 200, "the first POST failed: " + errorSamples.peek());

    // Phase 1: ingest cells.
    LOG.println("phase 1: ingest cells of " + o.cellSeconds() + " s");
    runLoad(10, 4, 2, Long.MAX_VALUE, "warm-up");
    List<LoadResult> cells = new ArrayList<>();
    for (int[] cell : o.cells()) {
      cells.add(runLoad(cell[0], cell[1], o.cellSeconds(), Long.MAX_VALUE, "cell b" + cell[0] + " c" + cell[1]));
    }
    OUT.println();
    OUT.printf("1) POST /statements throughput (each cell %d s, fresh statements; requests = acknowledged ones, with%n"
        + "   their latency; errors = failed attempts, retried)%n", o.cellSeconds());
    OUT.println("   batch clients  requests  statements   stmts/s    reqs/s   p50 ms   p99 ms   max ms  errors");
    for (LoadResult c : cells) {
      OUT.printf("   %5d %7d %9d %11d %9.0f %9.1f %8.1f %8.1f %8.1f %7d%n", c.batch(), c.clients(), c.requests(),
          c.statements(), c.statementsPerSecond(), c.requestsPerSecond(), c.p50Ms(), c.p99Ms(), c.maxMs(), c.errors());
    }
    LoadResult batched = cells.stream().filter(c -> c.batch() == 100 && c.clients() == 8).findFirst()
        .orElse(cells.get(cells.size() - 1));
    LoadResult batchedCell = batched;

    loads.put("ingest cells", loadAverage());
    // Phase 2: raw ceiling, measured in rounds that alternate with the same LRS cell (batch 100, 8 clients), so
    // a burst of load from other tenants of the machine hits both sides of the ratio alike.
    RawResult raw = null;
    LoadResult paired = null;
    List<double[]> rounds = new ArrayList<>();
    // CPU seconds over the ratio rounds: the LRS server and its PostgreSQL (when their pids are given), the raw
    // loader (this JVM) and its PostgreSQL. Why: on a shared machine throughput moves with the neighbours, CPU spent
    // per statement much less, so the two sides can be compared across runs too.
    double lrsCpu = 0;
    double rawCpu = 0;
    lrsCpuPerStatement = Double.NaN;
    rawCpuPerStatement = Double.NaN;
    if (o.migrations() != null) {
      LOG.printf("phase 2: raw ceiling (JDBC batch into a separate embedded PostgreSQL), %d rounds of %d s "
          + "alternating with the LRS%n", RATIO_ROUNDS, roundSeconds());
      try (RawCeiling ceiling = new RawCeiling(o.migrations(), 100)) {
        List<RawResult> raws = new ArrayList<>();
        List<LoadResult> lrs = new ArrayList<>();
        List<Long> rawPids = List.of(ProcessHandle.current().pid(), ceiling.postmasterPid());
        for (int round = 1; round <= RATIO_ROUNDS; round++) {
          double lrsCpu0 = ProcessCpu.seconds(o.serverPids());
          LoadResult l = runLoad(100, 8, roundSeconds(), Long.MAX_VALUE, "round " + round + " LRS");
          double lrsCpu1 = ProcessCpu.seconds(o.serverPids());
          double rawCpu0 = ProcessCpu.seconds(rawPids);
          RawResult r = ceiling.insert(8, roundSeconds());
          double rawCpu1 = ProcessCpu.seconds(rawPids);
          lrsCpu += lrsCpu1 - lrsCpu0;
          rawCpu += rawCpu1 - rawCpu0;
          LOG.printf("  round %d raw: %.0f statements/s%n", round, r.statementsPerSecond());
          lrs.add(l);
          raws.add(r);
          rounds.add(new double[] {l.statementsPerSecond(), r.statementsPerSecond()});
        }
        raw = new RawResult(raws.stream().mapToLong(RawResult::statements).sum(),
            raws.stream().mapToDouble(RawResult::seconds).sum(), 8, 100,
            raws.stream().mapToLong(RawResult::actorRows).sum(), raws.stream().mapToLong(RawResult::activityRows).sum());
        paired = new LoadResult(100, 8, lrs.stream().mapToLong(LoadResult::requests).sum(),
            lrs.stream().mapToLong(LoadResult::statements).sum(), lrs.stream().mapToDouble(LoadResult::seconds).sum(),
            lrs.stream().mapToLong(LoadResult::errors).sum(), Double.NaN, Double.NaN,
            lrs.stream().mapToDouble(LoadResult::maxMs).max().orElse(Double.NaN));
      } catch (Exception e) {
        broken.add("raw ceiling: " + e);
        e.printStackTrace(LOG);
      }
    }
    if (paired != null) {
      batched = paired;
    }
    OUT.println();
    if (raw != null) {
      OUT.printf("2) Raw ceiling: the same rows (xapi_statement + statement_to_actor + statement_to_activity) by JDBC batch%n");
      OUT.printf("   into a separate embedded PostgreSQL 17 migrated with %s%s,%n", o.migrations(),
          o.migrations().startsWith("classpath:") ? " (the server jar's own migrations)" : "");
      OUT.printf("   fsync=on and synchronous_commit=on like the LRS's embedded server; %d threads, %d statements per%n",
          raw.threads(), raw.batch());
      OUT.printf("   transaction; %d rounds of %d s, each right after a round of the LRS cell (batch 100, 8 clients),%n",
          RATIO_ROUNDS, roundSeconds());
      OUT.printf("   so both sides share the machine's moods%n");
      OUT.println("   round   LRS stmts/s   raw stmts/s   ratio");
      for (int i = 0; i < rounds.size(); i++) {
        double[] r = rounds.get(i);
        OUT.printf("   %5d %13.0f %13.0f %7.2f%n", i + 1, r[0], r[1], r[0] / r[1]);
      }
      OUT.printf("   raw: %d statements (+ %d actor rows, %d activity rows) in %.1f s = %.0f statements/s%n",
          raw.statements(), raw.actorRows(), raw.activityRows(), raw.seconds(), raw.statementsPerSecond());
      OUT.printf("   ratio LRS / raw ceiling over the rounds = %.0f / %.0f = %.2f%n",
          batched.statementsPerSecond(), raw.statementsPerSecond(), batched.statementsPerSecond() / raw.statementsPerSecond());
      if (!o.serverPids().isEmpty() && !Double.isNaN(lrsCpu) && !Double.isNaN(rawCpu)) {
        lrsCpuPerStatement = lrsCpu * 1e6 / batched.statements();
        rawCpuPerStatement = rawCpu * 1e6 / raw.statements();
        OUT.printf("   CPU per statement over the rounds: LRS (server + its PostgreSQL; the load generator not counted)"
            + " %.0f us, raw (loader + its PostgreSQL) %.0f us; raw / LRS = %.2f%n", lrsCpuPerStatement,
            rawCpuPerStatement, rawCpuPerStatement / lrsCpuPerStatement);
      }
    } else {
      OUT.println("2) Raw ceiling: skipped (no --migrations, or it broke)");
    }

    loads.put("ratio rounds", loadAverage());
    // Phase 3: bulk load.
    long sent = reservoir.seen();
    long toLoad = o.statements() - sent;
    LoadResult bulk = null;
    double lastTenthRate = Double.NaN;
    if (toLoad > 0) {
      LOG.printf("phase 3: bulk load of %d statements (batches of 100, %d clients)%n", toLoad, o.bulkClients());
      long[] marks = new long[2];
      bulk = runLoad(100, o.bulkClients(), 0, toLoad, "bulk", marks, toLoad - toLoad / 10);
      lastTenthRate = marks[1] > marks[0] ? (toLoad / 10) / ((marks[1] - marks[0]) / 1e9) : Double.NaN;
    }
    long stored = reservoir.seen();
    OUT.println();
    if (bulk != null) {
      OUT.printf("3) Bulk load to %d statements stored by this run: %d statements in %.1f s = %.0f statements/s%n"
          + "   (batches of 100, %d clients); last tenth (the largest table) %.0f statements/s; errors %d%n",
          stored, bulk.statements(), bulk.seconds(), bulk.statementsPerSecond(), o.bulkClients(), lastTenthRate,
          bulk.errors());
    } else {
      OUT.printf("3) Bulk load: nothing to do (%d statements already sent)%n", stored);
    }

    // Phase 4: queries.
    loads.put("bulk load", loadAverage());
    List<QueryResult> queries = new ArrayList<>();
    String settled = "";
    if (o.queries() > 0) {
      settled = settle();
      LOG.println("phase 4: queries");
      queries.add(runQueries("agent+verb+since", s -> "agent=" + enc(generator.learnerAgentParam[s.learner()])
          + "&verb=" + enc(s.verb().iri)
          + "&since=" + enc(Instant.ofEpochMilli(s.sentMillis() - 1000).atOffset(ZoneOffset.UTC).format(ISO))));
      queries.add(runQueries("activity", s -> "activity=" + enc(s.activityIri())));
      queries.add(runQueries("registration", s -> "registration=" + s.registration()));
    }
    OUT.println();
    OUT.printf("4) GET /statements latency with %d statements stored by this run (1 client, %d requests per kind after 50%n"
        + "   warm-up or as many as fit in %d s, limit=%d, random values drawn from stored statements)%s%n", stored,
        o.queries(), o.querySeconds(), o.limit(), settled);
    OUT.println("   query              requests   p50 ms   p95 ms   p99 ms   max ms  avg returned  errors");
    for (QueryResult q : queries) {
      OUT.printf("   %-18s %9d %8.1f %8.1f %8.1f %8.1f %13.1f %7d%n", q.kind(), q.requests(), q.p50Ms(), q.p95Ms(),
          q.p99Ms(), q.maxMs(), q.avgReturned(), q.errors());
    }

    loads.put("queries", loadAverage());
    OUT.println();
    OUT.print("Machine load (1-minute load average, " + Runtime.getRuntime().availableProcessors()
        + " cores) at the end of each phase:");
    loads.forEach((phase, load) -> OUT.printf(" %s %.1f;", phase, load));
    OUT.println(" above the core count, other work shared the machine.");

    // Targets.
    double ratio = raw == null ? Double.NaN : batched.statementsPerSecond() / raw.statementsPerSecond();
    OUT.println();
    OUT.println("Targets of issue 2 (informative; the machine is shared and noisy, compare ratios across runs)");
    OUT.printf("   batched ingest (batch 100, 8 clients%s) >= %.0f statements/s: %.0f  %s%n",
        batched == batchedCell ? "" : "; the ratio rounds", TARGET_INGEST, batched.statementsPerSecond(),
        met(batched.statementsPerSecond() >= TARGET_INGEST));
    OUT.printf("   batched ingest / raw ceiling >= %.1f: %s  %s%n", TARGET_RATIO,
        Double.isNaN(ratio) ? "n/a" : String.format("%.2f", ratio), Double.isNaN(ratio) ? "n/a" : met(ratio >= TARGET_RATIO));
    for (QueryResult q : queries) {
      OUT.printf("   %s p95 < %.0f ms at %d statements: %.1f ms  %s%n", q.kind(), TARGET_P95_MS, stored, q.p95Ms(),
          met(q.p95Ms() < TARGET_P95_MS));
    }
    if (totalErrors.get() > 0) {
      OUT.printf("%nFailed requests: %d (5xx and I/O errors were retried with the same body, up to %d times)%n",
          totalErrors.get(), ATTEMPTS);
      errorKinds.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get())).limit(8)
          .forEach(e -> OUT.printf("   %6d × %s%n", e.getValue().get(), e.getKey()));
      broken.add(totalErrors.get() + " failed requests");
    }
    if (!broken.isEmpty()) {
      OUT.println("BROKEN: " + String.join("; ", broken));
    }
    OUT.println(resultJson(cells, batched, raw, ratio, rounds, bulk, lastTenthRate, stored, queries));
    return broken.isEmpty() ? 0 : 1;
  }

  /** The 1-minute load average (NaN where the OS does not tell). */
  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String met(boolean ok) {
    return ok ? "met" : "NOT met";
  }

  private void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  // ------------------------------------------------------------------------------------------ ingest

  private LoadResult runLoad(int batch, int clients, int seconds, long budget, String name) throws InterruptedException {
    return runLoad(batch, clients, seconds, budget, name, null, 0);
  }

  /**
   * Posts batches from {@code clients} threads for {@code seconds} (0: no time limit) or until {@code budget}
   * statements are sent. {@code marks}, when given, receives the nanoTime at which {@code markAt} and all
   * statements were done (for the rate of the last part of a bulk load).
   */
  private LoadResult runLoad(int batch, int clients, int seconds, long budget, String name, long[] marks, long markAt)
      throws InterruptedException {
    AtomicLong remaining = new AtomicLong(budget);
    AtomicLong done = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong lastEnd = new AtomicLong();
    List<Latencies> latencies = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long deadline = seconds > 0 ? start + seconds * 1_000_000_000L : Long.MAX_VALUE;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      Thread thread = new Thread(() -> {
        Latencies mine = new Latencies();
        latencies.add(mine);
        while (System.nanoTime() < deadline) {
          long claim = claim(remaining, batch);
          if (claim == 0) {
            break;
          }
          List<Spec> specs = new ArrayList<>((int) claim);
          for (int i = 0; i < claim; i++) {
            specs.add(generator.next());
          }
          long t0 = System.nanoTime();
          int status = post(specs, batch, errors, deadline);
          long t1 = System.nanoTime();
          if (status == 200) {
            requests.incrementAndGet();
            mine.add(t1 - t0);
            long total = done.addAndGet(claim);
            lastEnd.accumulateAndGet(t1, Math::max);
            if (marks != null && total >= markAt && total - claim < markAt) {
              marks[0] = t1;
            }
          } else if (errors.get() > 50 && errors.get() > requests.get()) {
            break;
          }
        }
      }, "bench-" + name + "-" + t);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    Thread progress = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(10_000);
          double s = (System.nanoTime() - start) / 1e9;
          LOG.printf("  %s: %d statements in %.0f s (%.0f/s), %d errors%n", name, done.get(), s, done.get() / s, errors.get());
        }
      } catch (InterruptedException e) {
        // finished
      }
    });
    progress.setDaemon(true);
    progress.start();
    for (Thread t : threads) {
      t.join();
    }
    progress.interrupt();
    if (marks != null) {
      marks[1] = lastEnd.get();
    }
    double elapsed = (Math.max(lastEnd.get(), start + 1) - start) / 1e9;
    long[] sorted = Latencies.merge(latencies);
    LoadResult r = new LoadResult(batch, clients, requests.get(), done.get(), elapsed, errors.get(),
        percentileMs(sorted, 50), percentileMs(sorted, 99), percentileMs(sorted, 100));
    LOG.printf("  %s: %.0f statements/s, %.1f requests/s, %d errors%n", name, r.statementsPerSecond(),
        r.requestsPerSecond(), r.errors());
    if (errors.get() > 50 && errors.get() > requests.get()) {
      broken.add(name + " stopped: more failed attempts (" + errors.get() + ") than acknowledged requests ("
          + requests.get() + ")");
      LOG.println("  " + name + ": the LRS keeps failing, going on with the next phase");
    }
    return r;
  }

  private static long claim(AtomicLong remaining, int batch) {
    while (true) {
      long left = remaining.get();
      if (left <= 0) {
        return 0;
      }
      long take = Math.min(batch, left);
      if (remaining.compareAndSet(left, left - take)) {
        return take;
      }
    }
  }

  /**
   * POSTs the statements (a single object for a batch of 1, else an array), as a client that retries: a 5xx or an
   * I/O error is counted in {@code errors} and the same body is sent again, up to {@value #ATTEMPTS} times while
   * the cell's {@code deadline} (a nanoTime) has not passed.
   * Returns the last status (-1 on I/O error).
   */
  private int post(List<Spec> specs, int batch, AtomicLong errors, long deadline) {
    String timestamp = OffsetDateTime.now(ZoneOffset.UTC).format(ISO);
    StringBuilder body = new StringBuilder(specs.size() * 1600);
    if (batch != 1) {
      body.append('[');
    }
    for (int i = 0; i < specs.size(); i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(generator.render(specs.get(i), UUID.randomUUID(), timestamp, null));
    }
    if (batch != 1) {
      body.append(']');
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(o.url() + "/statements"))
        .timeout(Duration.ofSeconds(120))
        .header("Authorization", authorization)
        .header("X-Experience-API-Version", o.version())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
    long sent = System.currentTimeMillis();
    int status = -1;
    for (int attempt = 1; attempt <= ATTEMPTS && (attempt == 1 || System.nanoTime() < deadline); attempt++) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        status = response.statusCode();
        if (status == 200) {
          for (Spec s : specs) {
            reservoir.add(new Sample(s.learner(), s.verb(), sent, s.objectIri(), s.registration()));
          }
          return 200;
        }
        errors.incrementAndGet();
        error("POST " + status + ": " + abbreviate(response.body()));
        if (status < 500) {
          return status;
        }
      } catch (IOException e) {
        errors.incrementAndGet();
        error("POST: " + e);
        status = -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
      try {
        Thread.sleep(20L * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
    return status;
  }

  static final int ATTEMPTS = 5;
  static final int RATIO_ROUNDS = 3;

  /** Length of one round of the ratio measurement: half a cell, at least 3 s. */
  /**
   * Waits (at most {@value #SETTLE_MAX_SECONDS} s) until our server and its PostgreSQL use less than a fifth of a core
   * over two seconds: after a bulk load they are still digesting it (projections catching up, autovacuum), and phase 4
   * measures queries, not that. Returns what the report says about it (empty for another LRS: its processes are not
   * known, so nothing is waited for).
   */
  private String settle() throws InterruptedException {
    if (o.serverPids().isEmpty()) {
      return "";
    }
    long start = System.nanoTime();
    double busy = Double.NaN;
    while (System.nanoTime() - start < SETTLE_MAX_SECONDS * 1_000_000_000L) {
      double before = ProcessCpu.seconds(o.serverPids());
      Thread.sleep(2000);
      busy = (ProcessCpu.seconds(o.serverPids()) - before) / 2;
      if (busy < 0.2) {
        break;
      }
    }
    double waited = (System.nanoTime() - start) / 1e9;
    LOG.printf("  server settled after %.0f s (last 2 s: %.2f cores)%n", waited, busy);
    return String.format(";%n   started once our server had settled after the load (it keeps working for a while: gamification "
        + "projections,%n   autovacuum): %.0f s later, its CPU then %.2f cores", waited, busy);
  }

  private static final int SETTLE_MAX_SECONDS = 300;

  private int roundSeconds() {
    return Math.max(3, (o.cellSeconds() + 1) / 2);
  }

  /** Counts a failed request under its message (statuses and messages repeat: one line per kind). */
  private void error(String message) {
    totalErrors.incrementAndGet();
    if (errorSamples.size() < 20) {
      errorSamples.add(message);
    }
    String kind = message.length() > 160 ? message.substring(0, 160) + "…" : message;
    if (errorKinds.size() < 50 || errorKinds.containsKey(kind)) {
      errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }
  }

  private static String abbreviate(String s) {
    String one = s == null ? "" : s.replaceAll("\\s+", " ");
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }

  // ------------------------------------------------------------------------------------------ queries

  private QueryResult runQueries(String kind, Function<Sample, String> params) {
    Random r = new Random(kind.hashCode());
    Latencies lat = new Latencies();
    long returned = 0;
    long errors = 0;
    int warmUp = 50;
    long deadline = System.nanoTime() + o.querySeconds() * 1_000_000_000L;
    for (int i = 0; i < warmUp + o.queries(); i++) {
      if (i >= warmUp + 50 && System.nanoTime() > deadline) {
        LOG.printf("  %s: stopped after %d measured requests (--query-seconds %d)%n", kind, i - warmUp, o.querySeconds());
        break;
      }
      String query = params.apply(reservoir.pick(r)) + "&limit=" + o.limit();
      HttpRequest request = HttpRequest.newBuilder(URI.create(o.url() + "/statements?" + query))
          .timeout(Duration.ofSeconds(120))
          .header("Authorization", authorization)
          .header("X-Experience-API-Version", o.version())
          .GET().build();
      long t0 = System.nanoTime();
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long t1 = System.nanoTime();
        if (response.statusCode() != 200) {
          errors++;
          error("GET " + kind + " " + response.statusCode() + ": " + abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
          continue;
        }
        if (i >= warmUp) {
          lat.add(t1 - t0);
          JsonNode result = json.readTree(response.body());
          returned += result.path("statements").size();
        }
      } catch (IOException e) {
        errors++;
        error("GET " + kind + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (errors > 50 && errors > i / 2) {
        broken.add(kind + " queries keep failing");
        break;
      }
    }
    long[] sorted = Latencies.merge(List.of(lat));
    QueryResult q = new QueryResult(kind, sorted.length, percentileMs(sorted, 50), percentileMs(sorted, 95),
        percentileMs(sorted, 99), percentileMs(sorted, 100), sorted.length == 0 ? 0 : (double) returned / sorted.length, errors);
    LOG.printf("  %s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", kind, q.p50Ms(), q.p95Ms(), q.p99Ms());
    return q;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------------------------------ raw ceiling

  /**
   * The raw ceiling: a separate embedded PostgreSQL, migrated with our migrations, with the durability settings of
   * the LRS's embedded server, into which {@link #insert} writes statement rows the way the LRS stores them (one
   * multi-row INSERT … RETURNING id per batch, then the actor and activity index rows as rewritten JDBC batches,
   * one transaction per batch). The rows come from the same generator, with the fields the LRS adds.
   */
  /** CPU per statement over the ratio rounds (microseconds), NaN when not measured. */
  private double lrsCpuPerStatement = Double.NaN;
  private double rawCpuPerStatement = Double.NaN;

  /** CPU time of processes and their child processes, from Linux's /proc. */
  static final class ProcessCpu {
    private static final double TICKS_PER_SECOND = ticksPerSecond();

    /** Seconds of CPU used so far by these processes and all their descendants; NaN without /proc or pids. */
    static double seconds(List<Long> roots) {
      if (roots.isEmpty()) {
        return Double.NaN;
      }
      Map<Long, long[]> all = new HashMap<>();   // pid -> {ppid, utime + stime}
      try (var dirs = Files.list(Path.of("/proc"))) {
        dirs.map(d -> d.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).forEach(n -> {
          try {
            String stat = Files.readString(Path.of("/proc", n, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");   // after the command name
            all.put(Long.parseLong(n), new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
          } catch (IOException | RuntimeException gone) {
            // the process ended meanwhile
          }
        });
      } catch (IOException e) {
        return Double.NaN;
      }
      Set<Long> counted = new HashSet<>(roots);
      boolean grew = true;
      while (grew) {
        grew = false;
        for (var e : all.entrySet()) {
          if (!counted.contains(e.getKey()) && counted.contains(e.getValue()[0])) {
            counted.add(e.getKey());
            grew = true;
          }
        }
      }
      long ticks = counted.stream().mapToLong(pid -> all.containsKey(pid) ? all.get(pid)[1] : 0).sum();
      return ticks / TICKS_PER_SECOND;
    }

    private static double ticksPerSecond() {
      try {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
        return Double.parseDouble(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
      } catch (IOException | NumberFormatException e) {
        return 100;   // the Linux default
      }
    }
  }

  final class RawCeiling implements AutoCloseable {
    private final EmbeddedPostgres pg;
    private final String url;
    private final String insertStatements;
    private final int batch;
    private final Generator rawGenerator = new Generator(course, runTag + "raw", o.homePage(), 43);
    private final String authority = ",\"authority\":{\"objectType\":\"Agent\",\"name\":\"bench\",\"account\":"
        + "{\"homePage\":\"http://localhost\",\"name\":\"" + o.key() + "\"}}";
    private final String authorityIfi = "account::http://localhost::" + o.key();

    /** The pid of this PostgreSQL's postmaster (its backends are its children), from its postmaster.pid. */
    long postmasterPid() throws SQLException, IOException {
      try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
        String dir = show(c, "data_directory");
        return Long.parseLong(Files.readAllLines(Path.of(dir, "postmaster.pid")).get(0).trim());
      }
    }

    RawCeiling(String migrations, int batch) throws IOException, SQLException {
      this.batch = batch;
      pg = EmbeddedPostgres.builder()
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("max_connections", "100")
          .setPGStartupWait(Duration.ofSeconds(180))
          .start();
      url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?reWriteBatchedInserts=true";
      Flyway.configure().dataSource(url, "postgres", "postgres")
          .locations(migrations).load().migrate();
      try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
        LOG.printf("  raw PostgreSQL on port %d: fsync=%s synchronous_commit=%s%n", pg.getPort(),
            show(c, "fsync"), show(c, "synchronous_commit"));
      }
      StringBuilder sql = new StringBuilder("INSERT INTO xapi_statement (statement_id, registration, verb_iri, "
          + "voids_statement_id, stored, \"timestamp\", credential_id, payload) VALUES ");
      for (int i = 0; i < batch; i++) {
        sql.append(i == 0 ? "" : ",").append("(?, ?, ?, NULL, ?, ?, 1, ?::jsonb)");
      }
      insertStatements = sql.append(" RETURNING id, statement_id").toString();
    }

    private static String show(Connection c, String setting) throws SQLException {
      try (ResultSet rs = c.createStatement().executeQuery("SHOW " + setting)) {
        rs.next();
        return rs.getString(1);
      }
    }

    /** Inserts from {@code threads} connections for {@code seconds}. */
    RawResult insert(int threads, int seconds) throws InterruptedException {
      AtomicLong statements = new AtomicLong();
      AtomicLong actorRows = new AtomicLong();
      AtomicLong activityRows = new AtomicLong();
      AtomicLong lastEnd = new AtomicLong();
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      long start = System.nanoTime();
      long deadline = start + seconds * 1_000_000_000L;
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread w = new Thread(() -> {
          try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
               PreparedStatement ins = c.prepareStatement(insertStatements);
               PreparedStatement actors = c.prepareStatement(
                   "INSERT INTO statement_to_actor (statement_pk, actor_ifi, usage) VALUES (?, ?, ?)");
               PreparedStatement activities = c.prepareStatement(
                   "INSERT INTO statement_to_activity (statement_pk, activity_iri, usage) VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            while (System.nanoTime() < deadline) {
              long[] rows = insertBatch(c, ins, actors, activities);
              statements.addAndGet(batch);
              actorRows.addAndGet(rows[0]);
              activityRows.addAndGet(rows[1]);
              lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
            }
          } catch (SQLException | RuntimeException e) {
            failures.add(e);
          }
        }, "bench-raw-" + t);
        w.start();
        workers.add(w);
      }
      for (Thread w : workers) {
        w.join();
      }
      if (!failures.isEmpty()) {
        throw new IllegalStateException("raw insert failed: " + failures.get(0), failures.get(0));
      }
      return new RawResult(statements.get(), (Math.max(lastEnd.get(), start + 1) - start) / 1e9, threads, batch,
          actorRows.get(), activityRows.get());
    }

    /** One transaction: the statements, then their actor and activity rows. Returns {actor rows, activity rows}. */
    private long[] insertBatch(Connection c, PreparedStatement ins, PreparedStatement actors,
                               PreparedStatement activities) throws SQLException {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      String stored = now.format(ISO);
      String lrsFields = ",\"stored\":\"" + stored + "\"" + authority + ",\"version\":\"1.0.0\"";
      Map<UUID, Spec> byId = new LinkedHashMap<>();
      int p = 1;
      for (int i = 0; i < batch; i++) {
        Spec s = rawGenerator.next();
        UUID id = UUID.randomUUID();
        byId.put(id, s);
        ins.setObject(p++, id);
        ins.setObject(p++, s.registration());
        ins.setString(p++, s.verb().iri);
        ins.setObject(p++, now);
        ins.setObject(p++, now);
        ins.setString(p++, rawGenerator.render(s, id, stored, lrsFields));
      }
      long a = 0;
      long b = 0;
      try (ResultSet keys = ins.executeQuery()) {
        while (keys.next()) {
          long pk = keys.getLong(1);
          Spec s = byId.get(keys.getObject(2, UUID.class));
          actors.setLong(1, pk);
          actors.setString(2, rawGenerator.actorIfi(s));
          actors.setString(3, "actor");
          actors.addBatch();
          actors.setLong(1, pk);
          actors.setString(2, authorityIfi);
          actors.setString(3, "authority");
          actors.addBatch();
          a += 2;
          for (String[] row : rawGenerator.activityRows(s)) {
            activities.setLong(1, pk);
            activities.setString(2, row[0]);
            activities.setString(3, row[1]);
            activities.addBatch();
            b++;
          }
        }
      }
      actors.executeBatch();
      activities.executeBatch();
      c.commit();
      return new long[] {a, b};
    }

    @Override
    public void close() throws IOException {
      pg.close();
    }
  }

  // ------------------------------------------------------------------------------------------ JSON line

  private String resultJson(List<LoadResult> cells, LoadResult batched, RawResult raw, double ratio,
                            List<double[]> rounds, LoadResult bulk,
                            double lastTenthRate, long stored, List<QueryResult> queries) {
    StringBuilder b = new StringBuilder("{\"bench\":\"lrs\"");
    b.append(",\"time\":\"").append(OffsetDateTime.now(ZoneOffset.UTC).format(ISO)).append('"');
    b.append(",\"label\":\"").append(o.label()).append("\",\"url\":\"").append(o.url()).append('"');
    b.append(",\"xapi_version\":\"").append(o.version()).append('"');
    b.append(",\"cores\":").append(Runtime.getRuntime().availableProcessors());
    b.append(",\"cell_seconds\":").append(o.cellSeconds());
    b.append(",\"ingest\":[");
    for (int i = 0; i < cells.size(); i++) {
      LoadResult c = cells.get(i);
      b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
          "{\"batch\":%d,\"clients\":%d,\"statements_per_s\":%.1f,\"requests_per_s\":%.1f,\"p50_ms\":%.2f,"
              + "\"p99_ms\":%.2f,\"max_ms\":%.2f,\"errors\":%d}",
          c.batch(), c.clients(), c.statementsPerSecond(), c.requestsPerSecond(), c.p50Ms(), c.p99Ms(), c.maxMs(), c.errors()));
    }
    b.append(']');
    b.append(String.format(Locale.ROOT, ",\"batched_ingest_per_s\":%.1f", batched.statementsPerSecond()));
    if (raw != null) {
      b.append(String.format(Locale.ROOT, ",\"raw\":{\"statements_per_s\":%.1f,\"threads\":%d,\"batch\":%d,"
          + "\"fsync\":\"on\",\"synchronous_commit\":\"on\"},\"ratio\":%.3f", raw.statementsPerSecond(),
          raw.threads(), raw.batch(), ratio));
      if (!Double.isNaN(lrsCpuPerStatement)) {
        b.append(String.format(Locale.ROOT, ",\"cpu_us_per_statement\":{\"lrs\":%.1f,\"raw\":%.1f}",
            lrsCpuPerStatement, rawCpuPerStatement));
      }
      b.append(",\"ratio_rounds\":[");
      for (int i = 0; i < rounds.size(); i++) {
        b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"lrs_per_s\":%.1f,\"raw_per_s\":%.1f}",
            rounds.get(i)[0], rounds.get(i)[1]));
      }
      b.append(']');
    } else {
      b.append(",\"raw\":null,\"ratio\":null");
    }
    if (bulk != null) {
      b.append(String.format(Locale.ROOT, ",\"bulk\":{\"statements\":%d,\"statements_per_s\":%.1f,"
          + "\"last_tenth_per_s\":%.1f,\"errors\":%d}", bulk.statements(), bulk.statementsPerSecond(),
          Double.isNaN(lastTenthRate) ? 0 : lastTenthRate, bulk.errors()));
    }
    b.append(",\"stored\":").append(stored);
    b.append(",\"queries\":{");
    for (int i = 0; i < queries.size(); i++) {
      QueryResult q = queries.get(i);
      b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
          "\"%s\":{\"n\":%d,\"p50_ms\":%.2f,\"p95_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,\"avg_returned\":%.2f,"
              + "\"errors\":%d}", q.kind(), q.requests(), q.p50Ms(), q.p95Ms(), q.p99Ms(), q.maxMs(), q.avgReturned(),
          q.errors()));
    }
    b.append('}');
    boolean queriesMet = queries.stream().allMatch(q -> q.p95Ms() < TARGET_P95_MS);
    b.append(String.format(Locale.ROOT, ",\"targets\":{\"ingest_5000\":%b,\"ratio_0_5\":%s,\"query_p95_20ms\":%b}",
        batched.statementsPerSecond() >= TARGET_INGEST, Double.isNaN(ratio) ? "null" : Boolean.toString(ratio >= TARGET_RATIO),
        queriesMet));
    b.append(",\"load_average\":{");
    int k = 0;
    for (var e : loads.entrySet()) {
      b.append(k++ == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.2f", e.getKey(), e.getValue()));
    }
    b.append('}');
    b.append(",\"errors\":").append(totalErrors.get());
    b.append(",\"broken\":").append(!broken.isEmpty());
    return b.append('}').toString();
  }
}
