package es.civica.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.EventAddresses;
import es.civica.content.ContentLoader;
import es.civica.content.Course;
import es.civica.content.GamificationRules;
import es.civica.content.Unit;
import es.civica.support.LrsClient;
import es.civica.support.PlayerClient;
import es.civica.support.TestServer;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static es.civica.db.generated.Tables.STATEMENT_TO_ACTOR;
import static es.civica.db.generated.Tables.XAPI_STATEMENT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The projections against the real server: statements through the LRS, the projector on the event bus, the
 * rebuild; duplicates, concurrent deliveries, voiding; badge statements; leaderboards under aliases.
 */
class GamificationProjectionTest {
  static final String V = "http://adlnet.gov/expapi/verbs/";
  static final String EXT = RuleEngine.EXT;
  static TestServer server;
  static LrsClient lrs;
  static Course course;
  static GamificationRules rules;
  static Unit unit4;
  static final GamificationStore STORE = new GamificationStore();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    lrs = server.credential("gamification-test", "all");
    course = ContentLoader.fromClasspath();
    rules = course.gamificationRules().orElseThrow();
    unit4 = course.unit(4).orElseThrow();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** A registered learner and their agent. */
  record Who(PlayerClient client, String id, JsonObject agent, String ifi) {
  }

  static Who learner(String name) throws Exception {
    PlayerClient c = PlayerClient.registered(server, name);
    String id = c.getJson("/api/me").getString("id");
    String home = server.app().settings().publicUrl();
    return new Who(c, id, new JsonObject().put("objectType", "Agent").put("name", name)
        .put("account", new JsonObject().put("homePage", home).put("name", id)), "account::" + home + "::" + id);
  }

  static JsonObject statement(Who who, String verb, String activity, JsonObject result) {
    JsonObject s = new JsonObject().put("id", UUID.randomUUID().toString()).put("actor", who.agent())
        .put("verb", new JsonObject().put("id", V + verb).put("display", new JsonObject().put("en-US", verb)))
        .put("object", new JsonObject().put("objectType", "Activity").put("id", activity));
    return result == null ? s : s.put("result", result);
  }

  static JsonObject answered(Who who, int item, boolean right) {
    return statement(who, "answered", unit4.items().get(item).iri(), new JsonObject().put("success", right));
  }

  static JsonObject passedQuiz(Who who, double scaled) {
    return statement(who, "passed", unit4.quiz().iri(), new JsonObject().put("success", true)
        .put("score", new JsonObject().put("scaled", scaled)));
  }

  static JsonObject complaintBest(Who who) {
    return complaintBest(who.agent(), unit4);
  }

  /** The best ending of unit 4's complaint scenario: earns the "escucha-activa" badge under the course's rules. */
  static JsonObject complaintBest(JsonObject agent, Unit unit4) {
    return new JsonObject().put("id", UUID.randomUUID().toString()).put("actor", agent)
        .put("verb", new JsonObject().put("id", V + "completed").put("display", new JsonObject().put("en-US", "completed")))
        .put("object", new JsonObject().put("objectType", "Activity")
            .put("id", unit4.scenario("u4-sc-alumbrado").orElseThrow().iri()))
        .put("result", new JsonObject().put("success", true).put("extensions", new JsonObject().put(EXT + "tier", "best")
            .put(EXT + "metrics", new JsonObject().put("escalation", 0))));
  }

  static void settle() throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    int quiet = 0;
    while (quiet < 5) {
      quiet = server.app().gamification().projector().busy() ? 0 : quiet + 1;
      Thread.sleep(40);
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("projector still busy");
      }
    }
  }

  static List<String> snapshot() throws Exception {
    return server.app().db().query(STORE::snapshot).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static int xp(Who who) throws Exception {
    return server.app().db().query(dsl -> STORE.learner(dsl, who.ifi()).map(r -> r.getXp()).orElse(0))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** The learner's "earned" statements that are not voided (the query also returns statements referring to them). */
  static JsonArray earnedStatements(Who who) throws Exception {
    return earnedStatements(lrs, who.agent());
  }

  static JsonArray earnedStatements(LrsClient lrs, JsonObject agent) throws Exception {
    JsonArray all = lrs.query(Map.of("agent", new JsonObject().put("account", agent.getJsonObject("account"))
        .encode(), "verb", GamificationProjector.EARNED)).getJsonArray("statements");
    return new JsonArray(all.stream().filter(o -> GamificationProjector.EARNED.equals(
        ((JsonObject) o).getJsonObject("verb").getString("id"))).toList());
  }

  static JsonObject rebuild() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/admin/api/gamification/rebuild"))
        .header("Authorization", "Bearer " + TestServer.ADMIN_SECRET)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  @Test
  @DisplayName("replay gives exactly the incremental totals, with duplicates and concurrent deliveries, no double award")
  void replayEqualsIncremental() throws Exception {
    Who ana = learner("Ana");
    Who luis = learner("Luis");
    // Ana: three items right (one twice, one after a wrong answer), a quiz at 0.9, the complaint at its best
    JsonObject twice = answered(ana, 0, true);
    lrs.store(twice, answered(ana, 1, false), answered(ana, 1, true), answered(ana, 2, true));
    lrs.store(answered(ana, 0, true));                       // retrying an item already right earns nothing
    HttpResponse<String> again = lrs.post("/statements", new JsonArray().add(twice).encode());
    assertEquals(200, again.statusCode(), "the same statement again is accepted and not stored twice");
    lrs.store(passedQuiz(ana, 0.9), complaintBest(ana));
    // Luis: concurrent posts of different statements, and the same stored batch delivered many times at once
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> posts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int item = 3 + i;
      posts.add(pool.submit(() -> lrs.store(answered(luis, item, true))));
    }
    for (Future<?> f : posts) {
      f.get(30, TimeUnit.SECONDS);
    }
    JsonArray ids = lrs.store(complaintBest(luis));
    settle();
    JsonObject stored = lrs.query(Map.of("statementId", ids.getString(0)));
    for (int i = 0; i < 10; i++) {
      pool.submit(() -> server.app().vertx().eventBus().publish(EventAddresses.LRS_STATEMENT_STORED,
          new JsonObject().put("statements", new JsonArray().add(stored))));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    settle();

    int item = rules.firstCorrectAnswer();
    int best = rules.scenarioEnding().get("best");
    assertEquals(3 * item + rules.quizBase() + 25 + best, xp(ana));
    assertEquals(8 * item + best, xp(luis));
    assertEquals(1, earnedStatements(ana).size(), "one earned statement for Escucha activa");
    assertEquals(1, earnedStatements(luis).size(), "ten deliveries of the same statement: one badge, one statement");

    List<String> incremental = snapshot();
    JsonObject r = rebuild();
    assertTrue(r.getInteger("learners") >= 2);
    assertEquals(incremental, snapshot(), "replay = incremental");
    assertEquals(1, earnedStatements(ana).size(), "the rebuild reuses the badge statements already in the LRS");
    settle();
    assertEquals(incremental, snapshot());
  }

  @Test
  @DisplayName("a statement committed late, with a lower storage id than one already applied, is applied when its "
      + "message arrives (the projector reads all the learner's ids again instead of only the newer ones)")
  void lateCommit() throws Exception {
    Who eva = learner("Eva");
    lrs.store(answered(eva, 0, true));
    settle();
    JsonObject early = answered(eva, 1, true);
    long earlyId;
    try (Connection conn = server.app().db().database().dataSource().getConnection()) {
      conn.setAutoCommit(false);
      DSLContext tx = DSL.using(conn, SQLDialect.POSTGRES);
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      early.put("stored", now.toString()).put("timestamp", now.toString());
      // this transaction takes its storage id first and commits last
      earlyId = tx.insertInto(XAPI_STATEMENT).set(XAPI_STATEMENT.STATEMENT_ID, UUID.fromString(early.getString("id")))
          .set(XAPI_STATEMENT.VERB_IRI, V + "answered").set(XAPI_STATEMENT.STORED, now).set(XAPI_STATEMENT.TIMESTAMP, now)
          .set(XAPI_STATEMENT.PAYLOAD, JSONB.valueOf(early.encode())).returning(XAPI_STATEMENT.ID).fetchOne().getId();
      tx.insertInto(STATEMENT_TO_ACTOR).set(STATEMENT_TO_ACTOR.STATEMENT_PK, earlyId)
          .set(STATEMENT_TO_ACTOR.ACTOR_IFI, eva.ifi()).set(STATEMENT_TO_ACTOR.USAGE, "actor").execute();
      lrs.store(answered(eva, 2, true));   // a higher storage id, committed and applied first
      settle();
      assertEquals(2 * rules.firstCorrectAnswer(), xp(eva));
      conn.commit();
    }
    // what the LRS publishes after such a commit
    server.app().vertx().eventBus().publish(EventAddresses.LRS_STATEMENT_STORED, new JsonObject()
        .put("statements", new JsonArray().add(early)).put("storageIds", new JsonArray().add(earlyId)));
    Thread.sleep(GamificationProjector.GATHER_MILLIS);
    settle();
    assertEquals(3 * rules.firstCorrectAnswer(), xp(eva));
    List<String> incremental = snapshot();
    rebuild();
    assertEquals(incremental, snapshot(), "replay = incremental");
  }

  @Test
  @DisplayName("two server instances (two projectors on one database) recompute the same learner at once: one award "
      + "each, one badge statement")
  void twoInstances() throws Exception {
    var app = server.app();
    String home = app.settings().publicUrl();
    es.civica.xapi.auth.Credential credential = app.db().transaction(dsl -> new es.civica.xapi.auth.CredentialStore()
            .create(dsl, "second instance", java.util.EnumSet.of(es.civica.xapi.auth.Scope.ALL)).credential())
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    GamificationProjector other = new GamificationProjector(app.vertx(), app.db(), STORE, course, rules,
        new es.civica.xapi.statement.StatementService(app.vertx(), app.db(),
            new es.civica.xapi.statement.StatementStore(), home), credential, home);
    GamificationProjector mine = app.gamification().projector();
    Who joan = learner("Joan");
    lrs.store(answered(joan, 4, true), complaintBest(joan), passedQuiz(joan, 0.8));
    List<io.vertx.core.Future<Void>> runs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      runs.add(other.refresh(joan.ifi()));
      runs.add(mine.refresh(joan.ifi()));
    }
    io.vertx.core.Future.all(runs).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    settle();
    assertEquals(rules.firstCorrectAnswer() + rules.scenarioEnding().get("best") + rules.quizBase(), xp(joan));
    assertEquals(1, earnedStatements(joan).size());
    List<String> incremental = snapshot();
    rebuild();
    assertEquals(incremental, snapshot());
  }

  @Test
  @DisplayName("statements stored while no projector listened (a restart) are caught up at start, voiding included")
  void catchUpAfterRestart() throws Exception {
    GamificationProjector projector = server.app().gamification().projector();
    Who rosa = learner("Rosa");
    JsonArray ids = lrs.store(complaintBest(rosa));
    settle();
    projector.consumer().orElseThrow().unregister().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    try {
      lrs.store(answered(rosa, 7, true), passedQuiz(rosa, 1.0));
      lrs.store(new JsonObject().put("actor", rosa.agent())
          .put("verb", new JsonObject().put("id", V + "voided").put("display", new JsonObject().put("en-US", "voided")))
          .put("object", new JsonObject().put("objectType", "StatementRef").put("id", ids.getString(0))));
      Thread.sleep(300);
      assertEquals(rules.scenarioEnding().get("best"), xp(rosa), "nobody listened");
    } finally {
      projector.start();   // as at a restart: subscribe, then catch up
    }
    settle();
    Thread.sleep(500);
    settle();
    assertEquals(rules.firstCorrectAnswer() + rules.quizBase() + 50, xp(rosa));
    assertEquals(0, earnedStatements(rosa).size(), "the badge of the voided ending is taken back");
  }

  @Test
  @DisplayName("voiding takes back what a statement gave: XP, and the badge with its earned statement voided")
  void voiding() throws Exception {
    Who eva = learner("Eva");
    JsonArray ids = lrs.store(passedQuiz(eva, 1.0), complaintBest(eva));
    settle();
    assertEquals(rules.quizBase() + 50 + rules.scenarioEnding().get("best"), xp(eva));
    JsonArray earned = earnedStatements(eva);
    assertEquals(1, earned.size());
    JsonObject badgeStatement = earned.getJsonObject(0);
    assertEquals(GamificationProjector.BADGES + "escucha-activa", badgeStatement.getJsonObject("object").getString("id"));
    assertEquals(ids.getString(1), badgeStatement.getJsonObject("context").getJsonObject("statement").getString("id"));

    JsonObject voiding = new JsonObject().put("actor", eva.agent())
        .put("verb", new JsonObject().put("id", V + "voided").put("display", new JsonObject().put("en-US", "voided")))
        .put("object", new JsonObject().put("objectType", "StatementRef").put("id", ids.getString(1)));
    lrs.store(voiding);
    settle();
    assertEquals(rules.quizBase() + 50, xp(eva));
    JsonObject me = eva.client().getJson("/api/gamification/me");
    assertFalse(me.getJsonArray("badges").getJsonObject(0).getBoolean("earned"));
    settle();
    assertEquals(0, earnedStatements(eva).size(), "the earned statement is voided");
    assertEquals(200, lrs.get("/statements", Map.of("voidedStatementId",
        badgeStatement.getString("id"))).statusCode());

    List<String> incremental = snapshot();
    rebuild();
    assertEquals(incremental, snapshot(), "replay = incremental after voiding");
  }

  @Test
  @DisplayName("the learner's summary: XP, level, streak, badges earned and locked with how to earn them")
  void summary() throws Exception {
    Who pau = learner("Pau");
    lrs.store(answered(pau, 0, true), complaintBest(pau));
    JsonObject me = pau.client().getJson("/api/gamification/me");   // read-your-writes, no settle needed
    assertEquals(rules.firstCorrectAnswer() + rules.scenarioEnding().get("best"), me.getInteger("xp"));
    assertEquals(1, me.getJsonObject("level").getInteger("number"));
    assertEquals(rules.levels().get(1).minXp(), me.getJsonObject("level").getInteger("nextXp"));
    assertEquals(rules.badges().size(), me.getJsonArray("badges").size());
    JsonObject escucha = me.getJsonArray("badges").getJsonObject(0);
    assertTrue(escucha.getBoolean("earned"));
    assertFalse(me.getJsonArray("badges").getJsonObject(1).getBoolean("earned"));
    assertFalse(me.getJsonArray("badges").getJsonObject(1).getString("howTo").isBlank());
    assertTrue(me.getJsonObject("profile").getString("alias").matches(".+ \\d{3}"));
  }

  @Test
  @DisplayName("leaderboards: aliases by default, names only by opt-in, XP only, neighbours by default; leagues by average")
  void leaderboards() throws Exception {
    String org = "Ayuntamiento " + UUID.randomUUID();
    List<Who> team = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Who w = learner("Persona" + i);
      team.add(w);
    }
    for (int i = 0; i < team.size(); i++) {
      Who w = team.get(i);
      HttpResponse<String> put = w.client().put("/api/gamification/profile", new JsonObject()
          .put("organisation", org).put("department", i < 4 ? "Comunicación" : "Participación"));
      assertEquals(200, put.statusCode(), put.body());
      List<JsonObject> batch = new ArrayList<>();
      for (int k = 0; k <= i; k++) {
        batch.add(answered(w, 10 + k, true));
      }
      lrs.store(batch.toArray(new JsonObject[0]));
    }
    Who named = team.get(6);
    named.client().put("/api/gamification/profile", new JsonObject().put("showName", true));
    settle();

    Who me = team.get(3);
    JsonObject board = me.client().getJson("/api/gamification/leaderboard?scope=organisation&period=week");
    JsonArray entries = board.getJsonArray("entries");
    assertEquals(7, board.getInteger("total"));
    assertEquals(4, board.getInteger("rank"));
    assertEquals(5, entries.size(), "the learner and two on each side");
    String myAlias = me.client().getJson("/api/gamification/me").getJsonObject("profile").getString("alias");
    for (Object o : entries) {
      JsonObject e = (JsonObject) o;
      assertEquals(Set.of("rank", "name", "alias", "xp", "me"), e.fieldNames(), "no answers, items or ids");
      if (e.getBoolean("me")) {
        assertEquals(myAlias, e.getString("name"));
      }
      assertFalse(e.getString("name").startsWith("Persona") && e.getBoolean("alias"));
    }
    JsonObject top = me.client().getJson("/api/gamification/leaderboard?scope=organisation&period=all&view=top");
    JsonObject first = top.getJsonArray("entries").getJsonObject(0);
    assertEquals("Persona6", first.getString("name"), "opted in to the name");
    assertEquals(7 * rules.firstCorrectAnswer(), first.getInteger("xp"));
    assertTrue(top.getJsonArray("entries").stream().map(o -> ((JsonObject) o).getString("name"))
        .filter(n -> n.startsWith("Persona")).count() == 1, "everyone else under an alias");
    assertEquals(400, me.client().get("/api/gamification/leaderboard?scope=galaxy").statusCode());

    // a chosen alias; taken and malformed aliases refused; a learner who leaves the leaderboards is not shown to others
    assertEquals(200, me.client().put("/api/gamification/profile", new JsonObject().put("alias", "Garza-" + org.hashCode()
        % 1000)).statusCode());
    String chosen = me.client().getJson("/api/gamification/profile").getString("alias");
    assertEquals(409, team.get(0).client().put("/api/gamification/profile", new JsonObject().put("alias", chosen))
        .statusCode());
    assertEquals(400, team.get(0).client().put("/api/gamification/profile", new JsonObject().put("alias", "a b"))
        .statusCode());
    assertEquals(400, team.get(0).client().put("/api/gamification/profile", new JsonObject().put("showName", "yes"))
        .statusCode());
    assertEquals(200, named.client().put("/api/gamification/profile", new JsonObject().put("hidden", true)).statusCode());
    JsonObject without = me.client().getJson("/api/gamification/leaderboard?scope=organisation&period=all&view=top");
    assertEquals(6, without.getInteger("total"), "the hidden learner is left out for others");
    assertTrue(without.getJsonArray("entries").stream().anyMatch(o -> ((JsonObject) o).getString("name").equals(chosen)));
    JsonObject own = named.client().getJson("/api/gamification/leaderboard?scope=organisation&period=all");
    assertEquals(1, own.getInteger("rank"), "but still sees their own place");

    JsonArray leagues = me.client().getJson("/api/gamification/leagues").getJsonArray("leagues");
    JsonObject comm = find(leagues, org, "Comunicación");
    JsonObject part = find(leagues, org, "Participación");
    assertEquals(4, comm.getInteger("activeMembers"));
    assertEquals(2.5 * rules.firstCorrectAnswer(), comm.getDouble("average"), 0.01);
    assertEquals(6.0 * rules.firstCorrectAnswer(), part.getDouble("average"), 0.01);
    assertTrue(part.getInteger("rank") < comm.getInteger("rank"), "the smaller, more active team leads");
    assertTrue(comm.getBoolean("mine"));
  }

  private static JsonObject find(JsonArray leagues, String org, String dept) {
    return leagues.stream().map(o -> (JsonObject) o)
        .filter(l -> l.getString("organisation").equals(org) && l.getString("department").equals(dept))
        .findFirst().orElseThrow();
  }

  @Test
  @DisplayName("the admin API needs the secret; the lag figures are exposed")
  void admin() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(server.baseUrl() + "/admin/api/gamification/rebuild")).POST(HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, r.statusCode());
    HttpResponse<String> lag = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/admin/api/gamification/lag"))
        .header("Authorization", "Bearer " + TestServer.ADMIN_SECRET).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, lag.statusCode());
    assertNotEquals(null, new JsonObject(lag.body()).getLong("samples"));
  }
}
