package es.civica.scorm.dispatch;

import es.civica.db.DatabaseWorker;
import es.civica.organisation.OrganisationStore;
import es.civica.scorm.PackageScope;
import es.civica.scorm.ScormVersion;
import es.civica.scorm.UnitPackageInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Admin side of the dispatch model, guarded by the admin secret ({@code Authorization: Bearer <admin secret>}):
 * LMS registrations under {@code /admin/api/lms-registrations} (beside the LRS credentials), and the package
 * downloads {@code /scorm/packages/{registration}/{course|unit-N}/{scorm12|scorm2004|cmi5}.zip}, built from the
 * content the server loaded and bound to the registration. Every registration's packages are also written to
 * {@code <data dir>/packages/<registration id>/} when it is created or changed, and at start.
 */
public final class DispatchAdminRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchAdminRoutes.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final DatabaseWorker db;
  private final RegistrationStore store;
  private final OrganisationStore organisations = new OrganisationStore();
  private final CoursePackages packages;
  private final byte[] adminSecret;
  private final String publicUrl;
  private final Path packagesDir;

  public DispatchAdminRoutes(Vertx vertx, DatabaseWorker db, RegistrationStore store, CoursePackages packages,
                             String adminSecret, String publicUrl, Path packagesDir) {
    this.vertx = vertx;
    this.db = db;
    this.store = store;
    this.packages = packages;
    this.adminSecret = adminSecret.getBytes(StandardCharsets.UTF_8);
    this.publicUrl = publicUrl;
    this.packagesDir = packagesDir;
  }

  /** Mounts the registration API under {@code adminPrefix} (already guarded there) and the guarded downloads. */
  public void mount(Router router, String adminPrefix) {
    String base = adminPrefix + "/lms-registrations";
    router.route(base).handler(this::requireAdmin);
    router.route(base + "/*").handler(this::requireAdmin);
    router.post(base).handler(this::create);
    router.get(base).handler(this::list);
    router.get(base + "/:id").handler(this::show);
    router.put(base + "/:id").handler(this::update);
    router.delete(base + "/:id").handler(this::revoke);
    router.get("/scorm/packages/:id/:scope/:file").handler(this::requireAdmin).handler(this::download);
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
    JsonObject body = json(ctx);
    if (body == null) {
      error(ctx, 400, "Body must be JSON: {\"name\", \"origin\", \"baseUrl\", \"seatCap\"?, \"expires\"?, "
          + "\"organisation\"?, \"id\"?}");
      return;
    }
    RegistrationStore.Fields fields;
    try {
      fields = fields(body, null);
    } catch (IllegalArgumentException e) {
      error(ctx, 400, e.getMessage());
      return;
    }
    String id = body.getString("id");
    if (id == null) {
      id = slug(fields.name()) + "-" + HexFormat.of().formatHex(randomBytes(2));
    } else if (!DispatchSigner.validRegistrationId(id)) {
      error(ctx, 400, "id must be 1-63 characters of a-z, 0-9 and '-', starting with a letter or digit");
      return;
    }
    String finalId = id;
    db.transaction(dsl -> store.create(dsl, finalId, inDirectory(dsl, fields))).onSuccess(created -> {
      if (created.isEmpty()) {
        error(ctx, 409, "A registration " + finalId + " exists already");
        return;
      }
      writePackages(created.get()).onComplete(written -> {
        ctx.response().setStatusCode(201).putHeader("Location", ctx.request().path() + "/" + finalId);
        ctx.json(describe(created.get()));
      });
    }).onFailure(e -> refused(ctx, e));
  }

  private void list(RoutingContext ctx) {
    db.query(store::list).onSuccess(list -> {
      JsonArray out = new JsonArray();
      list.forEach(r -> out.add(describe(r)));
      ctx.json(out);
    }).onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    db.query(dsl -> store.find(dsl, id)).onSuccess(found -> found.ifPresentOrElse(
        r -> ctx.json(describe(r)), () -> error(ctx, 404, "No registration " + id))).onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    JsonObject body = json(ctx);
    if (body == null) {
      error(ctx, 400, "Body must be JSON");
      return;
    }
    db.query(dsl -> store.find(dsl, id)).onSuccess(found -> {
      if (found.isEmpty()) {
        error(ctx, 404, "No registration " + id);
        return;
      }
      RegistrationStore.Fields fields;
      try {
        fields = fields(body, found.get());
      } catch (IllegalArgumentException e) {
        error(ctx, 400, e.getMessage());
        return;
      }
      db.transaction(dsl -> {
        RegistrationStore.Fields resolved = inDirectory(dsl, fields);
        Optional<LmsRegistration> updated = store.update(dsl, id, resolved);
        if (!java.util.Objects.equals(found.get().organisation(), resolved.organisation())) {
          organisations.reresolve(dsl); // its learners' completions and certificates follow the new organisation
        }
        return updated;
      }).onSuccess(updated -> {
        writePackages(updated.orElseThrow()).onComplete(written -> ctx.json(describe(updated.orElseThrow())));
      }).onFailure(e -> refused(ctx, e));
    }).onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    db.query(dsl -> store.find(dsl, id).map(r -> store.revoke(dsl, id))).onSuccess(r -> {
      if (r.isEmpty()) {
        error(ctx, 404, "No registration " + id);
      } else if (!r.get()) {
        error(ctx, 409, "Registration " + id + " is already revoked");
      } else {
        ctx.response().setStatusCode(204).end();
      }
    }).onFailure(ctx::fail);
  }

  private void download(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String file = ctx.pathParam("file");
    Optional<PackageScope> scope = packages.scope(ctx.pathParam("scope"));
    ScormVersion version = file.endsWith(".zip") ? CoursePackages.FORMATS.get(file.substring(0, file.length() - 4)) : null;
    if (scope.isEmpty() || version == null) {
      error(ctx, 404, "Packages are /scorm/packages/{registration}/{course|unit-N}/{scorm12|scorm2004|cmi5}.zip");
      return;
    }
    db.query(dsl -> store.find(dsl, id)).onSuccess(found -> {
      if (found.isEmpty()) {
        error(ctx, 404, "No registration " + id);
        return;
      }
      if (found.get().revoked() != null) {
        error(ctx, 410, "Registration " + id + " is revoked");
        return;
      }
      vertx.executeBlocking(() -> packages.zip(id, scope.get(), version), false).onSuccess(bytes ->
          ctx.response()
              .putHeader("Content-Type", "application/zip")
              .putHeader("Content-Disposition", "attachment; filename=\"" + packages.fileName(scope.get(), version) + "\"")
              .putHeader("Cache-Control", "no-store")
              .end(io.vertx.core.buffer.Buffer.buffer(bytes)))
          .onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  /** The fields with the organisation as its directory id (given as id, domain or name); 400 when unknown. */
  private RegistrationStore.Fields inDirectory(org.jooq.DSLContext dsl, RegistrationStore.Fields f) {
    if (f.organisation() == null) {
      return f;
    }
    String id = organisations.directoryId(dsl, f.organisation()).orElseThrow(() -> new IllegalArgumentException(
        "Unknown organisation " + f.organisation() + ": create it first (POST /admin/api/organisations) "
            + "or give the id of one (GET /admin/api/organisations)"));
    return new RegistrationStore.Fields(f.name(), f.origin(), f.baseUrl(), f.seatCap(), f.expires(), id);
  }

  private static void refused(RoutingContext ctx, Throwable e) {
    if (e instanceof IllegalArgumentException) {
      error(ctx, 400, e.getMessage());
    } else {
      ctx.fail(e);
    }
  }

  /** Writes the registration's packages under the data dir (in the background; failures only logged). */
  public Future<Void> writePackages(LmsRegistration registration) {
    if (registration.revoked() != null) {
      return Future.succeededFuture();
    }
    Path folder = packagesDir.resolve(registration.id());
    return vertx.executeBlocking(() -> packages.writeAll(registration.id(), folder), false)
        .onSuccess(files -> LOG.info("Packages of LMS registration {} written: {} files in {}", registration.id(),
            files.size(), folder))
        .onFailure(e -> LOG.warn("Could not write the packages of {} to {}", registration.id(), folder, e))
        .<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  /** The registration as the admin sees it: its fields, the binding and the download URL of every package. */
  JsonObject describe(LmsRegistration r) {
    JsonObject urls = new JsonObject();
    JsonObject course = new JsonObject();
    CoursePackages.FORMATS.keySet().stream().sorted().forEach(f ->
        course.put(f, publicUrl + "/scorm/packages/" + r.id() + "/course/" + f + ".zip"));
    urls.put("course", course);
    for (UnitPackageInfo u : packages.info().units()) {
      JsonObject unit = new JsonObject();
      CoursePackages.FORMATS.keySet().stream().sorted().forEach(f ->
          unit.put(f, publicUrl + "/scorm/packages/" + r.id() + "/unit-" + u.number() + "/" + f + ".zip"));
      urls.put("unit-" + u.number(), unit);
    }
    return r.toJson()
        .put("binding", packages.target(r.id()).binding())
        .put("packagesFolder", packagesDir.resolve(r.id()).toString())
        .put("packages", urls);
  }

  private static RegistrationStore.Fields fields(JsonObject body, LmsRegistration current) {
    String name = body.getString("name", current == null ? null : current.name());
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      throw new IllegalArgumentException("name is required (at most 200 characters)");
    }
    String originText = body.getString("origin", current == null ? null : current.origin());
    String origin = LaunchService.origin(originText).orElse(null);
    java.net.URI parsed = origin == null ? null : java.net.URI.create(originText.strip());
    if (origin == null || (parsed.getRawPath() != null && !parsed.getRawPath().isEmpty()
        && !parsed.getRawPath().equals("/")) || parsed.getRawQuery() != null || parsed.getRawUserInfo() != null) {
      throw new IllegalArgumentException("origin must be the LMS's scheme://host[:port] (no path), "
          + "e.g. https://campus.example.org");
    }
    String baseUrl = body.getString("baseUrl", current == null ? null : current.baseUrl());
    if (baseUrl == null || LaunchService.origin(baseUrl).isEmpty() || baseUrl.length() > 500) {
      throw new IllegalArgumentException("baseUrl must be the LMS's http(s) base URL, e.g. https://campus.example.org/");
    }
    baseUrl = baseUrl.strip();
    if (current != null && !baseUrl.equals(current.baseUrl())) {
      throw new IllegalArgumentException("baseUrl cannot change: it identifies the LMS's learners (xAPI homePage)");
    }
    Integer seatCap = current == null ? null : current.seatCap();
    if (body.containsKey("seatCap")) {
      Object v = body.getValue("seatCap");
      if (v != null && !(v instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() >= 1)) {
        throw new IllegalArgumentException("seatCap must be a whole number of at least 1, or null");
      }
      seatCap = v == null ? null : ((Number) v).intValue();
    }
    OffsetDateTime expires = current == null ? null : current.expires();
    if (body.containsKey("expires")) {
      String v = body.getString("expires");
      try {
        expires = v == null ? null : OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("expires must be an ISO 8601 date-time with offset, e.g. 2027-06-30T23:59:59Z");
      }
    }
    String organisation = current == null ? null : current.organisation();
    if (body.containsKey("organisation")) {
      Object v = body.getValue("organisation");
      if (v != null && !(v instanceof String)) {
        throw new IllegalArgumentException("organisation must be the id of a directory organisation, or null");
      }
      organisation = v == null || ((String) v).isBlank() ? null : ((String) v).strip();
    }
    return new RegistrationStore.Fields(name.strip(), origin, baseUrl, seatCap, expires, organisation);
  }

  static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "lms" : slug;
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static JsonObject json(RoutingContext ctx) {
    try {
      return ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void error(RoutingContext ctx, int status, String message) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", message).encode());
    }
  }
}
