package es.civica.learning;

import es.civica.content.ContentRoutes;
import es.civica.content.Course;
import es.civica.content.Scenario;
import es.civica.content.Section;
import es.civica.content.Unit;
import es.civica.db.DatabaseWorker;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The learner player's HTTP API and static assets. Sign-in is a local account with a session cookie (HttpOnly,
 * SameSite=Lax); state-changing requests must be {@code application/json}, which a cross-site form cannot send.
 */
public final class PlayerRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(PlayerRoutes.class);
  public static final String COOKIE = "civica_session";
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}$");
  private static final String LEARNER = "learner";

  private final DatabaseWorker db;
  private final Course course;
  private final LearnerStore learners;
  private final Tracker tracker;
  private final QuizService quiz;
  private final ScenarioService scenarios;
  private final SimulationService simulations;
  private final ProgressService progress;
  private final boolean secureCookie;
  private final SignInThrottle throttle = new SignInThrottle(java.time.Clock.systemUTC());
  private FrameAncestors frameAncestors = ctx -> Future.succeededFuture(List.of());

  public PlayerRoutes(DatabaseWorker db, Course course, Tracker tracker) {
    this.db = db;
    this.course = course;
    this.learners = new LearnerStore();
    this.tracker = tracker;
    this.quiz = new QuizService(db, learners, tracker);
    this.scenarios = new ScenarioService(db, learners, tracker, course);
    this.simulations = new SimulationService(db, learners, tracker, course.units());
    this.progress = new ProgressService(db, course, tracker.homePage());
    this.secureCookie = tracker.homePage().startsWith("https:");
  }

  public void mount(Router router) {
    router.route("/api/*").handler(this::requireJsonBody);
    router.get("/play").handler(ctx -> {
      if (ctx.request().path().equals("/play")) {
        ctx.redirect("/play/");
      } else {
        ctx.next();
      }
    });
    router.route("/play/*").handler(this::securityHeaders)
        .handler(StaticHandler.create("webroot/play").setMaxAgeSeconds(60).setIndexPage("index.html"));

    new ContentRoutes(course).mount(router);

    router.post("/api/auth/register").handler(this::register);
    router.post("/api/auth/signin").handler(this::signIn);
    router.post("/api/auth/signout").handler(this::signOut);
    router.get("/api/me").handler(this::authenticate).handler(ctx -> ctx.json(learner(ctx).toJson()));

    router.get("/api/progress").handler(this::authenticate).handler(this::courseProgress);
    router.post("/api/units/:n/launch").handler(this::authenticate).handler(this::launch);
    router.post("/api/units/:n/terminate").handler(this::authenticate).handler(this::terminate);
    router.post("/api/units/:n/sections/:sectionId/experienced").handler(this::authenticate)
        .handler(this::experienced);

    router.get("/api/units/:n/quiz").handler(this::authenticate).handler(this::quizSummary);
    router.post("/api/units/:n/quiz/attempts").handler(this::authenticate).handler(this::startAttempt);
    router.get("/api/units/:n/quiz/attempts/:attemptId").handler(this::authenticate).handler(this::attempt);
    router.post("/api/units/:n/quiz/attempts/:attemptId/answers").handler(this::authenticate).handler(this::answer);

    router.get("/api/units/:n/scenarios/:scenarioId").handler(this::authenticate).handler(this::scenario);
    router.post("/api/units/:n/scenarios/:scenarioId/plays").handler(this::authenticate).handler(this::startPlay);
    router.get("/api/units/:n/scenarios/:scenarioId/plays/:playId").handler(this::authenticate).handler(this::play);
    router.post("/api/units/:n/scenarios/:scenarioId/plays/:playId/choices").handler(this::authenticate)
        .handler(this::choose);

    router.get("/api/units/:n/simulations/:simulationId").handler(this::authenticate).handler(this::simulation);
    router.post("/api/units/:n/simulations/:simulationId/runs").handler(this::authenticate).handler(this::runSimulation);
  }

  // ---- guards

  private void requireJsonBody(RoutingContext ctx) {
    HttpMethod m = ctx.request().method();
    if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
      ctx.next();
      return;
    }
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      error(ctx, 415, "Send application/json");
      return;
    }
    ctx.next();
  }

  /**
   * Who may frame the player pages besides the server itself: the registered LMS origins for an LMS launch
   * ({@code es.civica.scorm.dispatch}); nobody else.
   */
  public interface FrameAncestors {
    Future<List<String>> origins(RoutingContext ctx);
  }

  /** Lets the given source name the extra origins allowed to frame the player (default: none). */
  public PlayerRoutes frameAncestors(FrameAncestors source) {
    this.frameAncestors = source;
    return this;
  }

  private void securityHeaders(RoutingContext ctx) {
    frameAncestors.origins(ctx).onComplete(r -> {
      StringBuilder ancestors = new StringBuilder("'self'");
      if (r.succeeded()) {
        r.result().forEach(o -> ancestors.append(' ').append(o));
      }
      ctx.response()
          .putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; "
              + "base-uri 'none'; frame-ancestors " + ancestors)
          .putHeader("X-Content-Type-Options", "nosniff")
          .putHeader("Referrer-Policy", "same-origin");
      ctx.next();
    });
  }

  /**
   * The session comes from {@code Authorization: Bearer <token>} when present (the player framed by an LMS, where
   * third-party cookies are blocked, keeps its frame session in memory), else from the session cookie.
   */
  private void authenticate(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    String token;
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = auth.substring(7).trim();
    } else {
      Cookie cookie = ctx.request().getCookie(COOKIE);
      token = cookie == null ? "" : cookie.getValue();
    }
    if (token.isBlank()) {
      error(ctx, 401, "Sign in first");
      return;
    }
    db.query(dsl -> learners.sessionLearner(dsl, token)).onComplete(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
      } else if (r.result().isEmpty()) {
        error(ctx, 401, "Sign in first");
      } else {
        ctx.put(LEARNER, r.result().get());
        ctx.next();
      }
    });
  }

  private static Learner learner(RoutingContext ctx) {
    return ctx.get(LEARNER);
  }

  // ---- accounts

  private void register(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String email = body.getString("email", "").strip();
    String name = body.getString("name", "").strip();
    String password = body.getString("password", "");
    if (!EMAIL.matcher(email).matches() || name.isEmpty() || name.length() > 100 || password.length() < 8
        || password.length() > 200) {
      error(ctx, 400, "Give an email, a name and a password of at least 8 characters");
      return;
    }
    db.query(dsl -> learners.register(dsl, email, name, password)
            .map(l -> new Signed(l, learners.openSession(dsl, l.id()))))
        .onSuccess(signed -> signed.ifPresentOrElse(
            s -> signedIn(ctx, 201, s), () -> error(ctx, 409, "That email already has an account")))
        .onFailure(ctx::fail);
  }

  private void signIn(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String email = body.getString("email", "");
    String password = body.getString("password", "");
    long locked = throttle.lockedMinutes(email);
    if (locked > 0) {
      ctx.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(locked * 60));
      ctx.json(new JsonObject().put("error", "Too many attempts").put("minutes", locked));
      return;
    }
    db.query(dsl -> learners.authenticate(dsl, email, password)
            .map(l -> new Signed(l, learners.openSession(dsl, l.id()))))
        .onSuccess(signed -> signed.ifPresentOrElse(s -> {
          throttle.succeeded(email);
          signedIn(ctx, 200, s);
        }, () -> {
          throttle.failed(email);
          error(ctx, 401, "Wrong email or password");
        }))
        .onFailure(ctx::fail);
  }

  private record Signed(Learner learner, String token) {
  }

  private void signedIn(RoutingContext ctx, int status, Signed s) {
    ctx.response().addCookie(Cookie.cookie(COOKIE, s.token()).setHttpOnly(true).setSameSite(CookieSameSite.LAX)
        .setSecure(secureCookie).setPath("/").setMaxAge(LearnerStore.SESSION_LIFETIME.toSeconds()));
    ctx.response().setStatusCode(status);
    ctx.json(s.learner().toJson());
  }

  private void signOut(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    Future<Void> done = cookie == null ? Future.succeededFuture()
        : db.query(dsl -> {
          learners.closeSession(dsl, cookie.getValue());
          return null;
        });
    done.onComplete(r -> {
      ctx.response().addCookie(Cookie.cookie(COOKIE, "").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
          .setSecure(secureCookie).setPath("/").setMaxAge(0));
      ctx.response().setStatusCode(204).end();
    });
  }

  // ---- units, lessons, progress

  private void courseProgress(RoutingContext ctx) {
    respond(ctx, progress.course(learner(ctx)));
  }

  /** Entering a unit: enrols on first use; launched + initialized (+ resumed after the first time); answers the resume point and progress. */
  private void launch(RoutingContext ctx) {
    Optional<Unit> unit = ContentRoutes.unitOf(ctx, course);
    if (unit.isEmpty()) {
      ctx.fail(404);
      return;
    }
    Unit u = unit.get();
    Learner l = learner(ctx);
    respond(ctx, db.query(dsl -> learners.enrol(dsl, l.id(), u.number())).compose(e -> {
      List<JsonObject> batch = new ArrayList<>(List.of(
          tracker.unitStatement(l, u, e.registration(), "launched", null),
          tracker.unitStatement(l, u, e.registration(), "initialized", null)));
      if (!e.created()) {
        batch.add(tracker.unitStatement(l, u, e.registration(), "resumed", null));
      }
      return tracker.send(batch).compose(v -> progress.unit(l, u)).map(p -> new JsonObject()
          .put("registration", e.registration().toString())
          .put("resume", e.resume())
          .put("progress", p));
    }));
  }

  private void terminate(RoutingContext ctx) {
    Optional<Unit> unit = ContentRoutes.unitOf(ctx, course);
    if (unit.isEmpty()) {
      ctx.fail(404);
      return;
    }
    Unit u = unit.get();
    Learner l = learner(ctx);
    respond(ctx, db.query(dsl -> learners.enrol(dsl, l.id(), u.number())).compose(e ->
        progress.unit(l, u).compose(p -> {
          List<JsonObject> batch = new ArrayList<>();
          if (!"passed".equals(p.getString("status"))) {
            // leaving an unfinished unit: suspended, so a later launch is a resume
            batch.add(tracker.unitStatement(l, u, e.registration(), "suspended", new JsonObject()
                .put("extensions", new JsonObject().put(Tracker.PROGRESS, p.getInteger("percent")))));
          }
          batch.add(tracker.unitStatement(l, u, e.registration(), "terminated", null));
          return tracker.send(batch);
        }).map(v -> new JsonObject().put("terminated", true))));
  }

  /** A section read: experienced (the section) + progressed (the unit, with the new percent); saves the resume point. */
  private void experienced(RoutingContext ctx) {
    Optional<Unit> unit = ContentRoutes.unitOf(ctx, course);
    String sectionId = ctx.pathParam("sectionId");
    Optional<Section> section = unit.flatMap(u -> u.section(sectionId));
    if (section.isEmpty()) {
      ctx.fail(404);
      return;
    }
    Unit u = unit.get();
    Learner l = learner(ctx);
    var lesson = u.lessons().stream().filter(x -> x.sections().contains(section.get())).findFirst().orElseThrow();
    respond(ctx, db.transaction(dsl -> {
      LearnerStore.Enrolment e = learners.enrol(dsl, l.id(), u.number());
      learners.saveResume(dsl, l.id(), u.number(), new JsonObject().put("lesson", lesson.id()).put("section", sectionId));
      return e;
    }).compose(e -> {
      JsonObject sectionActivity = tracker.activity(u.activityIri("section", sectionId), Tracker.TYPE_SECTION,
          section.get().title());
      JsonObject exp = tracker.statement(l, u, e.registration(), "experienced", sectionActivity, null, lesson.iri());
      return tracker.send(List.of(exp)).compose(v -> progress.unit(l, u)).compose(p -> {
        JsonObject progressed = tracker.unitStatement(l, u, e.registration(), "progressed", new JsonObject()
            .put("extensions", new JsonObject().put(Tracker.PROGRESS, p.getInteger("percent"))));
        return tracker.send(List.of(progressed)).map(v -> p);
      });
    }));
  }

  // ---- quiz

  private void quizSummary(RoutingContext ctx) {
    withUnit(ctx, u -> quiz.summary(learner(ctx), u));
  }

  private void startAttempt(RoutingContext ctx) {
    withUnit(ctx, u -> quiz.start(learner(ctx), u));
  }

  private void attempt(RoutingContext ctx) {
    withUnit(ctx, u -> quiz.view(learner(ctx), u, uuid(ctx.pathParam("attemptId"))));
  }

  private void answer(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String item = body.getString("item");
    if (item == null || !body.containsKey("response")) {
      error(ctx, 400, "Send {item, response}");
      return;
    }
    withUnit(ctx, u -> quiz.answer(learner(ctx), u, uuid(ctx.pathParam("attemptId")), item,
        body.getValue("response")));
  }

  // ---- scenarios

  private void scenario(RoutingContext ctx) {
    withScenario(ctx, (u, s) -> scenarios.overview(learner(ctx), u, s));
  }

  private void startPlay(RoutingContext ctx) {
    withScenario(ctx, (u, s) -> scenarios.start(learner(ctx), u, s));
  }

  private void play(RoutingContext ctx) {
    withScenario(ctx, (u, s) -> scenarios.view(learner(ctx), u, s, uuid(ctx.pathParam("playId"))));
  }

  private void choose(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String node = body.getString("node");
    String choice = body.getString("choice");
    if (node == null || choice == null) {
      error(ctx, 400, "Send {node, choice}");
      return;
    }
    withScenario(ctx, (u, s) -> scenarios.choose(learner(ctx), u, s, uuid(ctx.pathParam("playId")), node, choice));
  }

  // ---- simulations

  private void simulation(RoutingContext ctx) {
    withSimulation(ctx, (u, s) -> simulations.overview(learner(ctx), u, s));
  }

  private void runSimulation(RoutingContext ctx) {
    if (!(body(ctx).getValue("controls") instanceof JsonObject controls)) {
      error(ctx, 400, "Send {controls}");
      return;
    }
    withSimulation(ctx, (u, s) -> simulations.run(learner(ctx), u, s, controls));
  }

  private void withSimulation(RoutingContext ctx,
                              java.util.function.BiFunction<Unit, es.civica.content.Simulation, Future<JsonObject>> work) {
    withUnit(ctx, u -> work.apply(u, u.simulation(ctx.pathParam("simulationId"))
        .orElseThrow(() -> LearningException.notFound("No such simulation"))));
  }

  // ---- helpers

  private void withUnit(RoutingContext ctx, java.util.function.Function<Unit, Future<JsonObject>> work) {
    Optional<Unit> unit = ContentRoutes.unitOf(ctx, course);
    if (unit.isEmpty()) {
      error(ctx, 404, "No such unit");
      return;
    }
    Future<JsonObject> result;
    try {
      result = work.apply(unit.get());
    } catch (LearningException e) {
      result = Future.failedFuture(e);
    }
    respond(ctx, result);
  }

  private void withScenario(RoutingContext ctx, java.util.function.BiFunction<Unit, Scenario, Future<JsonObject>> work) {
    withUnit(ctx, u -> work.apply(u, u.scenario(ctx.pathParam("scenarioId"))
        .orElseThrow(() -> LearningException.notFound("No such scenario"))));
  }

  private void respond(RoutingContext ctx, Future<JsonObject> result) {
    result.onSuccess(ctx::json).onFailure(e -> {
      if (e instanceof LearningException le) {
        error(ctx, le.status(), le.getMessage());
      } else {
        LOG.error("Player request failed: {} {}", ctx.request().method(), ctx.request().path(), e);
        error(ctx, 500, "Internal error");
      }
    });
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw LearningException.notFound("No such id");
    }
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      return body == null ? new JsonObject() : body;
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }

  static void error(RoutingContext ctx, int status, String message) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", message).encode());
    }
  }

  /** The player's session check as a handler for other features' learner routes: 401, or next with the learner. */
  public io.vertx.core.Handler<RoutingContext> sessionHandler() {
    return this::authenticate;
  }

  /** The learner a {@link #sessionHandler()} let through. */
  public static Learner signedInLearner(RoutingContext ctx) {
    return learner(ctx);
  }
}
