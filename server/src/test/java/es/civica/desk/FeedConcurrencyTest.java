package es.civica.desk;

import static es.civica.db.generated.Tables.XAPI_STATEMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.support.DeskClient;
import es.civica.support.LrsClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The sync cursor has no gap and no duplicate while statements arrive concurrently. */
class FeedConcurrencyTest {
  private static final String PASSWORD = "correcto-caballo-bateria";
  private static final String UNIT4 = DeskClient.UNIT + "4";
  private static TestServer server;
  private static LrsClient player;
  private static String basic;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    player = server.credential("content", "all");
    DeskClient.bootstrap(server, DeskClient.account("school@desk.example", "school", PASSWORD)
        .put("units", new JsonArray().add(UNIT4)));
    DeskClient school = new DeskClient(server.baseUrl());
    assertEquals(200, school.signIn("school@desk.example", PASSWORD).statusCode());
    JsonObject c = new JsonObject(school.post("/desk/api/credentials", new JsonObject().put("label", "sync")).body());
    basic = "Basic " + Base64.getEncoder().encodeToString((c.getString("key") + ":" + c.getString("secret"))
        .getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private JsonObject pull(String cursor, int limit) throws Exception {
    String q = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/desk/api/feed" + q))
        .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  /** Pulls until the feed says no more; returns the new cursor, adding the statement ids to {@code into}. */
  private String drain(String cursor, List<String> into) throws Exception {
    while (true) {
      JsonObject page = pull(cursor, 7);
      page.getJsonArray("statements").forEach(s -> into.add(((JsonObject) s).getString("id")));
      cursor = page.getString("cursor");
      if (!page.getBoolean("more")) {
        return cursor;
      }
    }
  }

  private static JsonObject completion(String learner) {
    return LrsClient.statement(learner, "completed", UNIT4);
  }

  @Test
  @DisplayName("a statement committed later but inserted earlier is not skipped: feed order is commit order, and an "
      + "open transaction holds no later writer back")
  void commitOrder() throws Exception {
    String cursor = drain(null, new ArrayList<>());
    JsonObject early = completion("early");
    try (Connection conn = server.app().db().database().dataSource().getConnection()) {
      conn.setAutoCommit(false);
      DSLContext tx = DSL.using(conn, SQLDialect.POSTGRES);
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      JsonObject payload = early.copy().put("stored", now.toString()).put("timestamp", now.toString());
      // transaction 1 inserts first (lower statement id) and stays open
      tx.insertInto(XAPI_STATEMENT).set(XAPI_STATEMENT.STATEMENT_ID, UUID.fromString(early.getString("id")))
          .set(XAPI_STATEMENT.VERB_IRI, "http://adlnet.gov/expapi/verbs/completed")
          .set(XAPI_STATEMENT.STORED, now).set(XAPI_STATEMENT.TIMESTAMP, now)
          .set(XAPI_STATEMENT.PAYLOAD, JSONB.valueOf(payload.encode())).execute();

      // transaction 2 (through the LRS) inserts later and commits first: it enters the feed first (V53: rows are
      // appended at commit), without waiting for transaction 1
      JsonObject late = completion("late");
      player.store(late);
      List<String> meanwhile = new ArrayList<>();
      String afterLate = drain(cursor, meanwhile);
      assertEquals(List.of(late.getString("id")), meanwhile, "the committed statement is in the feed");

      conn.commit();
      List<String> got = new ArrayList<>();
      drain(afterLate, got);
      assertEquals(List.of(early.getString("id")), got, "the earlier-inserted one follows, after the cursor: not skipped");
    }
  }

  @Test
  @DisplayName("concurrent writers and a puller: every statement exactly once, none missed")
  void concurrentWritersAndPuller() throws Exception {
    String start = drain(null, new ArrayList<>());
    int writers = 8;
    int batchesPerWriter = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    Set<String> written = ConcurrentHashMap.newKeySet();
    List<Future<?>> jobs = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      jobs.add(pool.submit(() -> {
        for (int b = 0; b < batchesPerWriter; b++) {
          // batches of 1 to 3 completions, with a statement of another verb that the feed leaves out
          List<JsonObject> batch = new ArrayList<>();
          for (int i = 0; i <= b % 3; i++) {
            JsonObject s = completion("w" + writer + "-" + b + "-" + i);
            batch.add(s);
          }
          batch.add(LrsClient.statement("w" + writer, "experienced", UNIT4));
          player.store(batch.toArray(JsonObject[]::new));
          batch.stream().filter(s -> s.getJsonObject("verb").getString("id").endsWith("completed"))
              .forEach(s -> written.add(s.getString("id")));
        }
        return null;
      }));
    }
    AtomicBoolean done = new AtomicBoolean(false);
    List<String> pulled = new ArrayList<>();
    CompletableFuture<String> puller = CompletableFuture.supplyAsync(() -> {
      String cursor = start;
      int nonEmptyPagesWhileWriting = 0;
      try {
        while (!done.get()) {
          JsonObject page = pull(cursor, 7);
          page.getJsonArray("statements").forEach(st -> pulled.add(((JsonObject) st).getString("id")));
          nonEmptyPagesWhileWriting += page.getJsonArray("statements").isEmpty() ? 0 : 1;
          cursor = page.getString("cursor");
        }
        assertTrue(nonEmptyPagesWhileWriting > 1, "the puller ran while the writers wrote");
        return drain(cursor, pulled);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    for (Future<?> job : jobs) {
      job.get(5, TimeUnit.MINUTES);
    }
    done.set(true);
    puller.get(2, TimeUnit.MINUTES);
    pool.shutdown();

    assertEquals(writers * (batchesPerWriter / 3 * 6 + (batchesPerWriter % 3 == 1 ? 1 : batchesPerWriter % 3 == 2 ? 3 : 0)),
        written.size());
    assertEquals(pulled.size(), new HashSet<>(pulled).size(), "no duplicate");
    assertEquals(written, new HashSet<>(pulled), "no gap");
  }
}
