package es.civica.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import es.civica.content.ContentLoader;
import es.civica.content.Course;
import es.civica.content.GamificationRules;
import es.civica.support.LrsClient;
import es.civica.support.PlayerClient;
import es.civica.support.TestServer;
import es.civica.xapi.auth.Credential;
import es.civica.xapi.auth.CredentialStore;
import es.civica.xapi.auth.Scope;
import es.civica.xapi.statement.StatementService;
import es.civica.xapi.statement.StatementStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The rules change (a new content package, then a rebuild): a badge the new rules no longer award is taken back,
 * with its "earned" statement voided, as when a voiding takes it back. Its own server: the projector under the old
 * rules is stopped, as it would be by the restart that brings the new rules.
 */
class GamificationRuleChangeTest {
  private static TestServer server;
  private static LrsClient lrs;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    lrs = server.credential("rule-change-test", "all");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("a rebuild under rules without a badge voids the badge's earned statement; badges still earned keep theirs")
  void rebuildUnderNewRulesTakesBackBadgesNoLongerEarned() throws Exception {
    JsonObject lia = learner("Lía");
    lrs.store(complaintBest(lia));
    awaitEarned(lia, 1);
    String earnedId = earned(lia).getJsonObject(0).getString("id");

    var app = server.app();
    GamificationProjector old = app.gamification().projector();
    old.consumer().orElseThrow().unregister().await(10, TimeUnit.SECONDS);
    Course course = ContentLoader.fromClasspath();
    GamificationRules rules = course.gamificationRules().orElseThrow();
    GamificationRules withoutBadge = new GamificationRules(rules.timeZone(), rules.firstCorrectAnswer(),
        rules.quizBase(), rules.quizBands(), rules.scenarioEnding(), rules.simulationTarget(), rules.levels(),
        rules.workingDays(), rules.holidays(), rules.maxXpActions(), rules.window(),
        rules.badges().stream().filter(b -> !b.id().equals("escucha-activa")).toList());
    String home = app.settings().publicUrl();
    Credential credential = app.db().transaction(dsl -> new CredentialStore()
        .create(dsl, "new rules", EnumSet.of(Scope.ALL)).credential()).await(30, TimeUnit.SECONDS);
    GamificationProjector renewed = new GamificationProjector(app.vertx(), app.db(), new GamificationStore(), course,
        withoutBadge, new StatementService(app.vertx(), app.db(), new StatementStore(), home), credential, home);

    JsonObject result = renewed.rebuild().await(60, TimeUnit.SECONDS);
    assertEquals(1, result.getInteger("badgesTakenBack"), result.encode());
    assertEquals(0, earned(lia).size(), "the earned statement is voided");
    assertEquals(200, lrs.get("/statements", Map.of("voidedStatementId", earnedId)).statusCode());

    // under the old rules again, a rebuild awards the badge anew and takes nothing back
    JsonObject back = old.rebuild().await(60, TimeUnit.SECONDS);
    assertEquals(0, back.getInteger("badgesTakenBack"), back.encode());
    assertEquals(1, earned(lia).size());
  }

  /** A registered learner's agent. */
  private static JsonObject learner(String name) throws Exception {
    String id = PlayerClient.registered(server, name).getJson("/api/me").getString("id");
    return new JsonObject().put("objectType", "Agent").put("name", name).put("account",
        new JsonObject().put("homePage", server.app().settings().publicUrl()).put("name", id));
  }

  private static JsonObject complaintBest(JsonObject agent) {
    return GamificationProjectionTest.complaintBest(agent, ContentLoader.fromClasspath().unit(4).orElseThrow());
  }

  private static JsonArray earned(JsonObject agent) throws Exception {
    return GamificationProjectionTest.earnedStatements(lrs, agent);
  }

  private static void awaitEarned(JsonObject who, int n) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (earned(who).size() != n) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("expected " + n + " earned statement(s): " + earned(who).encode());
      }
      Thread.sleep(100);
    }
  }
}
