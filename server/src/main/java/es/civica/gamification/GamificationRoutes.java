package es.civica.gamification;

import es.civica.learning.Learner;
import es.civica.learning.PlayerRoutes;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * HTTP API of gamification. Learner (session cookie): {@code GET /api/gamification/me},
 * {@code GET /api/gamification/leaderboard?scope=&period=&view=}, {@code GET /api/gamification/leagues},
 * {@code GET|PUT /api/gamification/profile}. Admin (bearer secret): {@code POST /admin/api/gamification/rebuild},
 * {@code GET|DELETE /admin/api/gamification/lag}.
 */
public final class GamificationRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(GamificationRoutes.class);
  private static final int MAX_TEXT = 120;
  private static final java.util.regex.Pattern ALIAS = java.util.regex.Pattern.compile("^[\\p{L}\\p{N}_-]{3,20}$");

  private final GamificationService service;
  private final GamificationProjector projector;
  /** The player's session check (cookie, or Bearer token in an LMS frame): {@link PlayerRoutes#sessionHandler()}. */
  private final Handler<RoutingContext> authenticate;
  private final byte[] adminSecret;

  public GamificationRoutes(GamificationService service, GamificationProjector projector, String adminSecret,
                            Handler<RoutingContext> authenticate) {
    this.authenticate = authenticate;
    this.service = service;
    this.projector = projector;
    this.adminSecret = adminSecret.getBytes(StandardCharsets.UTF_8);
  }

  public void mount(Router router) {
    router.get("/api/gamification/me").handler(authenticate).handler(ctx -> respond(ctx, service.me(learner(ctx))));
    router.get("/api/gamification/leaderboard").handler(authenticate).handler(this::leaderboard);
    router.get("/api/gamification/leagues").handler(authenticate)
        .handler(ctx -> respond(ctx, service.leagues(learner(ctx))));
    router.get("/api/gamification/profile").handler(authenticate)
        .handler(ctx -> respond(ctx, service.profile(learner(ctx))));
    router.put("/api/gamification/profile").handler(authenticate).handler(this::updateProfile);

    router.post("/admin/api/gamification/rebuild").handler(this::admin)
        .handler(ctx -> respond(ctx, projector.rebuild()));
    router.get("/admin/api/gamification/lag").handler(this::admin)
        .handler(ctx -> ctx.json(projector.lag().summary()));
    router.delete("/admin/api/gamification/lag").handler(this::admin).handler(ctx -> {
      projector.lag().reset();
      ctx.response().setStatusCode(204).end();
    });
  }

  private void leaderboard(RoutingContext ctx) {
    String scope = ctx.request().getParam("scope", "overall");
    String period = ctx.request().getParam("period", "week");
    String view = ctx.request().getParam("view", "neighbours");
    if (!Set.of("overall", "organisation", "department").contains(scope) || !Set.of("week", "all").contains(period)
        || !Set.of("neighbours", "top").contains(view)) {
      error(ctx, 400, "scope: overall|organisation|department; period: week|all; view: neighbours|top");
      return;
    }
    respond(ctx, service.leaderboard(learner(ctx), scope, period, view));
  }

  private void updateProfile(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    if (body == null) {
      error(ctx, 400, "Send {organisation, department, showName}");
      return;
    }
    Object org = body.getValue("organisation");
    Object dept = body.getValue("department");
    Object show = body.getValue("showName");
    Object hidden = body.getValue("hidden");
    Object alias = body.getValue("alias");
    if ((org != null && !(org instanceof String)) || (dept != null && !(dept instanceof String))
        || (show != null && !(show instanceof Boolean)) || (hidden != null && !(hidden instanceof Boolean))
        || (org instanceof String o && o.strip().length() > MAX_TEXT)
        || (dept instanceof String d && d.strip().length() > MAX_TEXT)
        || (alias != null && !(alias instanceof String a && ALIAS.matcher(a).matches()))) {
      error(ctx, 400, "organisation and department: text up to " + MAX_TEXT + " characters; showName, hidden: true "
          + "or false; alias: 3 to 20 letters, digits, hyphens or underscores");
      return;
    }
    service.updateProfile(learner(ctx), (String) org, (String) dept, (Boolean) show, (Boolean) hidden, (String) alias)
        .onSuccess(updated -> updated.ifPresentOrElse(ctx::json, () -> error(ctx, 409, "That alias is taken")))
        .onFailure(e -> {
          LOG.error("Profile update failed", e);
          error(ctx, 500, "Internal error");
        });
  }

  private void admin(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")
        || !MessageDigest.isEqual(auth.substring(7).trim().getBytes(StandardCharsets.UTF_8), adminSecret)) {
      error(ctx, 401, "The admin API needs 'Authorization: Bearer <admin secret>'");
      return;
    }
    ctx.next();
  }

  private static Learner learner(RoutingContext ctx) {
    return PlayerRoutes.signedInLearner(ctx);
  }

  private static void respond(RoutingContext ctx, Future<JsonObject> result) {
    result.onSuccess(ctx::json).onFailure(e -> {
      LOG.error("Gamification request failed: {} {}", ctx.request().method(), ctx.request().path(), e);
      error(ctx, 500, "Internal error");
    });
  }

  private static void error(RoutingContext ctx, int status, String message) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", message).encode());
    }
  }
}
