package es.civica.desk;

import es.civica.organisation.Organisation;
import es.civica.organisation.OrganisationStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The organisation directory over HTTP, for the admin desk ({@code /desk/api/organisations}, session + CSRF) and
 * the admin API ({@code /admin/api/organisations}, admin secret): list, create {id?, name, domains}, update
 * {name?, domains?}. Every change is audited.
 */
final class DirectoryRoutes {
  private final DeskService desk;

  DirectoryRoutes(DeskService desk) {
    this.desk = desk;
  }

  /** What an admin sent, checked: the id (given, else the first domain, else made from the name), name, domains. */
  record Fields(String id, String name, List<String> domains) {
  }

  void list(RoutingContext ctx) {
    DeskRoutes.reply(ctx, desk.organisations().map(list -> new JsonObject().put("organisations",
        new JsonArray(list.stream().map(Organisation::toJson).toList()))));
  }

  void create(RoutingContext ctx, AuditLog.Actor actor) {
    Fields f;
    try {
      f = fields(DeskRoutes.body(ctx), true);
    } catch (IllegalArgumentException e) {
      DeskRoutes.error(ctx, 400, e.getMessage());
      return;
    }
    answer(ctx, desk.createOrganisation(actor, f.id(), f.name(), f.domains()), 201);
  }

  void update(RoutingContext ctx, AuditLog.Actor actor) {
    Fields f;
    try {
      f = fields(DeskRoutes.body(ctx), false);
    } catch (IllegalArgumentException e) {
      DeskRoutes.error(ctx, 400, e.getMessage());
      return;
    }
    String id = ctx.pathParam("id").toLowerCase(Locale.ROOT);
    desk.updateOrganisation(actor, id, f.name(), f.domains()).onComplete(r -> {
      if (r.succeeded() && r.result().isEmpty()) {
        DeskRoutes.error(ctx, 404, "No organisation " + id);
      } else {
        answer(ctx, r.succeeded() ? Future.succeededFuture(r.result().get()) : Future.failedFuture(r.cause()), 200);
      }
    });
  }

  private static void answer(RoutingContext ctx, Future<Organisation> result, int status) {
    result.onComplete(r -> {
      if (r.succeeded()) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
            .end(r.result().toJson().encode());
      } else if (r.cause() instanceof OrganisationStore.Refused refused) {
        DeskRoutes.error(ctx, refused.status(), refused.getMessage());
      } else {
        ctx.fail(r.cause());
      }
    });
  }

  /** Checks a body; on create the name is required, on update absent fields stay as they are. */
  static Fields fields(JsonObject body, boolean create) {
    if (body == null) {
      throw new IllegalArgumentException("Body must be JSON: {\"name\": \"Ayuntamiento de Ejemplo\", "
          + "\"domains\": [\"ayto-ejemplo.es\"], \"id\"?: \"ayto-ejemplo.es\"}");
    }
    Object nameValue = body.getValue("name");
    if (nameValue != null && !(nameValue instanceof String)) {
      throw new IllegalArgumentException("name must be text");
    }
    String name = nameValue == null ? null : ((String) nameValue).strip().replaceAll("\\s+", " ");
    if ((create || name != null) && (name == null || name.isEmpty() || name.length() > OrganisationStore.MAX_NAME)) {
      throw new IllegalArgumentException("name is required (at most " + OrganisationStore.MAX_NAME + " characters)");
    }
    List<String> domains = null;
    if (body.getValue("domains") != null) {
      if (!(body.getValue("domains") instanceof JsonArray array)) {
        throw new IllegalArgumentException("domains is an array of e-mail domains, e.g. [\"ayto-ejemplo.es\"]");
      }
      domains = new ArrayList<>();
      for (Object d : array) {
        String domain = d instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : "";
        if (domain.startsWith("@")) {
          domain = domain.substring(1);
        }
        if (!OrganisationStore.DOMAIN.matcher(domain).matches() || domain.length() > 190) {
          throw new IllegalArgumentException("Not an e-mail domain: " + d + " (e.g. ayto-ejemplo.es)");
        }
        if (!domains.contains(domain)) {
          domains.add(domain);
        }
      }
      if (domains.size() > OrganisationStore.MAX_DOMAINS) {
        throw new IllegalArgumentException("At most " + OrganisationStore.MAX_DOMAINS + " domains");
      }
    } else if (create) {
      domains = List.of();
    }
    String id = null;
    if (create) {
      Object idValue = body.getValue("id");
      if (idValue != null && !(idValue instanceof String)) {
        throw new IllegalArgumentException("id must be text");
      }
      id = idValue == null || ((String) idValue).isBlank()
          ? (domains.isEmpty() ? slug(name) : domains.get(0))
          : ((String) idValue).strip().toLowerCase(Locale.ROOT);
      if (!OrganisationStore.ID.matcher(id).matches()) {
        throw new IllegalArgumentException("id: lowercase letters, digits, dots and hyphens (e.g. ayto-ejemplo.es): "
            + idValue);
      }
    }
    return new Fields(id, name, domains);
  }

  private static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    slug = slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    return slug.isEmpty() ? "organisation" : slug;
  }
}
