package es.civica.gamification;

import es.civica.content.Course;
import es.civica.content.GamificationRules;
import es.civica.db.DatabaseWorker;
import es.civica.xapi.auth.Credential;
import es.civica.xapi.auth.CredentialStore;
import es.civica.xapi.auth.Scope;
import es.civica.xapi.statement.StatementService;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

/** Wires gamification: the rules from the course, the projector subscribed to the LRS feed, the routes. */
public final class Gamification {
  /** Label of the LRS credential the badges' "earned" statements are stored with. */
  public static final String CREDENTIAL_LABEL = "Cívica gamification";
  /** Worker threads (and at most as many connections) of the projector. */
  static final int PROJECTOR_THREADS = 3;

  private final GamificationProjector projector;
  private final GamificationRoutes routes;

  private Gamification(GamificationProjector projector, GamificationRoutes routes) {
    this.projector = projector;
    this.routes = routes;
  }

  /**
   * Starts the projector (blocking once, at start, to create the credential). {@code learnerSession}: the player's
   * session check, which the learner routes share.
   */
  public static Gamification start(Vertx vertx, DatabaseWorker db, Course course, StatementService statements,
                                   CredentialStore credentials, String homePage, String adminSecret,
                                   Handler<RoutingContext> learnerSession)
      throws Exception {
    GamificationRules rules = course.gamificationRules()
        .orElseThrow(() -> new IllegalStateException("the course has no gamification/rules.json"));
    Credential credential = db.transaction(dsl -> credentials.list(dsl).stream()
        .filter(c -> c.label().equals(CREDENTIAL_LABEL) && c.active()).findFirst()
        .orElseGet(() -> credentials.create(dsl, CREDENTIAL_LABEL, EnumSet.of(Scope.ALL)).credential()))
        .await(60, TimeUnit.SECONDS);
    GamificationStore store = new GamificationStore();
    // the projector has its own worker lane, so it never waits behind the requests that feed it
    DatabaseWorker lane = new DatabaseWorker(vertx, db.database(), PROJECTOR_THREADS, "civica-gamification");
    GamificationProjector projector = new GamificationProjector(vertx, lane, store, course, rules, statements,
        credential, homePage).start();
    GamificationService service = new GamificationService(db, store, projector, homePage);
    return new Gamification(projector, new GamificationRoutes(service, projector, adminSecret, learnerSession));
  }

  public GamificationProjector projector() {
    return projector;
  }

  public GamificationRoutes routes() {
    return routes;
  }
}
