package es.civica.organisation;

import es.civica.db.DatabaseWorker;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code GET /api/organisations}: the directory's organisation names, public, for the player's registration and
 * profile forms to suggest. Only what admins defined (names), never anything about learners.
 */
public final class OrganisationNamesRoute {
  private final DatabaseWorker db;
  private final OrganisationStore store = new OrganisationStore();

  public OrganisationNamesRoute(DatabaseWorker db) {
    this.db = db;
  }

  public void mount(Router router) {
    router.get("/api/organisations").handler(ctx -> db.query(store::names).onComplete(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
      } else {
        ctx.response().putHeader("Cache-Control", "public, max-age=300");
        ctx.json(new JsonObject().put("names", new JsonArray(r.result())));
      }
    }));
  }
}
