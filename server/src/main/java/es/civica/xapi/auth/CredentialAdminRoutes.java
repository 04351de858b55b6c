package es.civica.xapi.auth;

import es.civica.db.DatabaseWorker;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Set;

/**
 * Admin API for LRS credentials (create, list, revoke), guarded by the admin secret as a bearer token.
 * {@code scripts/lrs-credentials} wraps it for the command line.
 */
public final class CredentialAdminRoutes {
  private final DatabaseWorker db;
  private final CredentialStore store;
  private final CredentialAuthenticator authenticator;
  private final byte[] adminSecret;

  public CredentialAdminRoutes(DatabaseWorker db, CredentialStore store, CredentialAuthenticator authenticator,
                               String adminSecret) {
    this.db = db;
    this.store = store;
    this.authenticator = authenticator;
    this.adminSecret = adminSecret.getBytes(StandardCharsets.UTF_8);
  }

  public void mount(Router router, String prefix) {
    router.route(prefix + "/*").handler(this::requireAdmin);
    router.post(prefix + "/credentials").handler(this::create);
    router.get(prefix + "/credentials").handler(this::list);
    router.delete(prefix + "/credentials/:id").handler(this::revoke);
  }

  private void requireAdmin(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    boolean ok = auth != null && auth.startsWith("Bearer ")
        && MessageDigest.isEqual(auth.substring(7).trim().getBytes(StandardCharsets.UTF_8), adminSecret);
    if (!ok) {
      error(ctx, 401, "The admin API needs 'Authorization: Bearer <admin secret>'");
      return;
    }
    ctx.next();
  }

  private void create(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      error(ctx, 400, "Body must be JSON: {\"label\": \"…\", \"scopes\": [\"statements/read\"]}");
      return;
    }
    if (body == null || body.getString("label") == null || body.getString("label").isBlank()) {
      error(ctx, 400, "label is required");
      return;
    }
    JsonArray scopeNames = body.getJsonArray("scopes", new JsonArray().add("statements/read"));
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (Object name : scopeNames) {
      var scope = Scope.parse(String.valueOf(name));
      if (scope.isEmpty()) {
        error(ctx, 400, "Unknown scope " + name + "; known: statements/write, statements/read, "
            + "statements/read/mine, state, define, profile, all/read, all");
        return;
      }
      scopes.add(scope.get());
    }
    if (scopes.isEmpty()) {
      error(ctx, 400, "At least one scope is required");
      return;
    }
    String label = body.getString("label").trim();
    db.query(dsl -> store.create(dsl, label, scopes))
        .onSuccess(issued -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(issued.credential().toJson().put("secret", issued.secret()).encodePrettily()))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    db.query(store::list)
        .onSuccess(list -> {
          JsonArray out = new JsonArray();
          list.forEach(c -> out.add(c.toJson()));
          ctx.response().putHeader("Content-Type", "application/json").end(out.encodePrettily());
        })
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      error(ctx, 400, "Credential id must be a number");
      return;
    }
    db.query(dsl -> {
      var found = store.find(dsl, id);
      boolean revoked = store.revoke(dsl, id);
      found.ifPresent(c -> authenticator.forget(c.apiKey()));
      return found.isPresent() ? (revoked ? 204 : 409) : 404;
    }).onSuccess(status -> {
      if (status == 204) {
        ctx.response().setStatusCode(204).end();
      } else {
        error(ctx, status, status == 404 ? "No credential " + id : "Credential " + id + " is already revoked");
      }
    }).onFailure(ctx::fail);
  }

  private static void error(RoutingContext ctx, int status, String message) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}
