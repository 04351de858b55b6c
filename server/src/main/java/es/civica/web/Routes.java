package es.civica.web;

import es.civica.db.DatabaseWorker;
import es.civica.desk.DeskRoutes;
import es.civica.learning.PlayerRoutes;
import es.civica.xapi.AboutResource;
import es.civica.xapi.XapiProtocol;
import es.civica.xapi.auth.CredentialAdminRoutes;
import es.civica.xapi.statement.StatementRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole route table of the server, at a glance. */
public final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
  public static final String XAPI_ROOT = "/xapi";
  /** Largest request body accepted (statements with attachments). */
  static final long MAX_BODY = 64L * 1024 * 1024;

  private final DatabaseWorker db;
  private final XapiProtocol xapi;
  private final CredentialAdminRoutes credentialAdmin;
  private final PlayerRoutes player;
  private final DeskRoutes desk;
  private final java.util.List<java.util.function.Consumer<Router>> features = new java.util.ArrayList<>();

  public Routes(DatabaseWorker db, XapiProtocol xapi, CredentialAdminRoutes credentialAdmin, PlayerRoutes player,
                DeskRoutes desk) {
    this.db = db;
    this.xapi = xapi;
    this.credentialAdmin = credentialAdmin;
    this.player = player;
    this.desk = desk;
  }

  /** Adds a feature's routes (mounted after the player's, before the catch-all 404). */
  public Routes mount(java.util.function.Consumer<Router> feature) {
    features.add(feature);
    return this;
  }

  public Router build(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(MAX_BODY).setHandleFileUploads(false));
    // a request that no handler answers (a bug, a lost future) gets a 503 instead of hanging its client
    router.route().handler(TimeoutHandler.create(60_000, 503));

    router.get("/health").handler(this::health);
    router.route(XAPI_ROOT + "/*").handler(ctx -> xapi.handle(ctx, XAPI_ROOT));
    credentialAdmin.mount(router, "/admin/api");
    desk.mountAdmin(router, "/admin/api"); // after credentialAdmin: its /admin/api/* guard checks the admin secret
    player.mount(router);
    desk.mount(router);
    features.forEach(f -> f.accept(router));

    router.route().last().handler(ctx -> error(ctx, 404, "Not found"));
    router.route().failureHandler(this::failure);
    return router;
  }

  private void health(RoutingContext ctx) {
    boolean embedded = db.database().embedded();
    db.query(dsl -> dsl.selectOne().fetchOne(0, Integer.class))
        .onSuccess(one -> ctx.json(new JsonObject().put("status", "UP")
            .put("database", new JsonObject().put("status", "UP").put("embedded", embedded))))
        .onFailure(e -> ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("status", "DOWN")
                .put("database", new JsonObject().put("status", "DOWN").put("error", String.valueOf(e.getMessage())))
                .encode()));
  }

  private void failure(RoutingContext ctx) {
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    if (status == 500) {
      LOG.error("Request failed: {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
    }
    error(ctx, status, status == 413 ? "Request body too large" : status == 500 ? "Internal error" : "Request refused");
  }

  private static void error(RoutingContext ctx, int status, String message) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", message).encode());
    }
  }
}
