package es.civica.certification;

import es.civica.certificates.IssuerDocument;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * HTTP of certificates (server/CERTIFICATES.md):
 * <ul>
 *   <li>public: {@code GET /.well-known/civica-issuer.json}; {@code GET /verify/{id}} (page, or JSON to
 *       {@code Accept: application/json}); {@code POST /verify/{id}} with the PDF bytes (fingerprint comparison) —
 *       both rate limited per client IP;</li>
 *   <li>the learner (player session): {@code GET /api/certificates/mine}, {@code GET /api/certificates/{id}.pdf};</li>
 *   <li>admin (bearer admin secret): list, read, revoke, renew, recheck, audit log under
 *       {@code /admin/api/certificates}.</li>
 * </ul>
 */
public final class CertificateRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(CertificateRoutes.class);
  /** Largest PDF accepted for comparison (ours are about 55 KB). */
  static final int MAX_PDF = 5 * 1024 * 1024;
  private static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  private final CertificateRegistry registry;
  private final Handler<RoutingContext> authenticateLearner;
  private final Function<RoutingContext, UUID> learnerId;
  private final byte[] adminSecret;
  private final RateLimiter limiter;

  /**
   * @param authenticateLearner the player's session check (answers 401 or calls next)
   * @param learnerId           the signed-in learner's account id, after that check
   */
  public CertificateRoutes(CertificateRegistry registry, Handler<RoutingContext> authenticateLearner,
                           Function<RoutingContext, UUID> learnerId, String adminSecret, CertificateSettings settings) {
    this.registry = registry;
    this.authenticateLearner = authenticateLearner;
    this.learnerId = learnerId;
    this.adminSecret = adminSecret.getBytes(StandardCharsets.UTF_8);
    this.limiter = new RateLimiter(settings.verifyPerMinute(), settings.verifyBurst(), System::nanoTime);
  }

  public void mount(Router router) {
    router.get(IssuerDocument.WELL_KNOWN_PATH).handler(this::issuerDocument);

    router.route("/verify/assets/*").handler(ctx -> {
      ctx.response().putHeader("X-Content-Type-Options", "nosniff");
      ctx.next();
    }).handler(StaticHandler.create("webroot/verify").setMaxAgeSeconds(3600));
    router.get("/verify/:id").handler(this::rateLimit).handler(this::verify);
    router.post("/verify/:id").handler(this::rateLimit).handler(this::compare);

    router.get("/api/certificates/mine").handler(authenticateLearner).handler(this::mine);
    router.get("/api/certificates/:file").handler(authenticateLearner).handler(this::download);

    String admin = "/admin/api/certificates";
    router.route(admin).handler(this::requireAdmin);
    router.route(admin + "/*").handler(this::requireAdmin);
    router.get(admin).handler(this::list);
    router.get(admin + "/audit").handler(this::audit);
    router.post(admin + "/recheck").handler(this::recheck);
    router.get(admin + "/:id").handler(this::read);
    router.get(admin + "/:id/pdf").handler(this::adminPdf);
    router.post(admin + "/:id/revoke").handler(this::revoke);
    router.post(admin + "/:id/renew").handler(this::renew);
  }

  // ---- public

  private void issuerDocument(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Access-Control-Allow-Origin", "*")
        .putHeader("Cache-Control", "public, max-age=3600")
        .end(registry.issuerDocument());
  }

  /** Per client IP: a token bucket; 429 with Retry-After when empty. */
  private void rateLimit(RoutingContext ctx) {
    String ip = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
    long wait = limiter.tryAcquire(ip);
    if (wait == 0) {
      ctx.next();
      return;
    }
    ctx.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(wait)).putHeader("Cache-Control", "no-store");
    if (wantsJson(ctx)) {
      ctx.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", "Too many requests").put("retryAfter", wait).encode());
    } else {
      html(ctx).end(VerifyPage.tooMany(wait));
    }
  }

  private void verify(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    registry.verifyPublic(id).onSuccess(v -> {
      ctx.response().setStatusCode(v.certificate().isPresent() ? 200 : 404)
          .putHeader("Cache-Control", "no-store").putHeader("Vary", "Accept")
          .putHeader("Referrer-Policy", "no-referrer").putHeader("X-Robots-Tag", "noindex");
      if (wantsJson(ctx)) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
            .putHeader("Access-Control-Allow-Origin", "*")
            .end(v.toJson(registry.today()).encode());
      } else {
        html(ctx).end(VerifyPage.render(v, registry.today()));
      }
    }).onFailure(ctx::fail);
  }

  /** The PDF as the body ({@code application/pdf}); answers whether it is the one we issued. */
  private void compare(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      error(ctx, 400, "Send the PDF as the request body (Content-Type: application/pdf)");
      return;
    }
    if (body.length() > MAX_PDF) {
      error(ctx, 413, "A certificate PDF is far smaller than that");
      return;
    }
    registry.compareFingerprint(ctx.pathParam("id"), body.getBytes()).onSuccess(check -> {
      var v = check.verification();
      JsonObject json = new JsonObject()
          .put("id", v.id())
          .put("status", v.status().name())
          .put("statusText", v.status().spanish())
          .put("identical", check.identical())
          .put("result", v.certificate().isEmpty() ? "NOT_FOUND" : check.identical() ? "IDENTICAL" : "ALTERED")
          .put("resultText", v.certificate().isEmpty() ? "No encontrado"
              : check.identical() ? "Idéntico al emitido" : "Alterado: no es el PDF que emitimos")
          .put("sha256", check.sha256());
      ctx.response().setStatusCode(v.certificate().isPresent() ? 200 : 404).putHeader("Cache-Control", "no-store")
          .putHeader("Content-Type", "application/json; charset=utf-8").end(json.encode());
    }).onFailure(ctx::fail);
  }

  private static boolean wantsJson(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }

  private static io.vertx.core.http.HttpServerResponse html(RoutingContext ctx) {
    return ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff");
  }

  // ---- the learner

  private void mine(RoutingContext ctx) {
    registry.listByLearner(learnerId.apply(ctx)).onSuccess(list -> {
      JsonArray out = new JsonArray();
      for (CertificateRecord c : list) {
        out.add(c.publicJson(registry.today()).put("pdf", "/api/certificates/" + c.id() + ".pdf"));
      }
      ctx.json(new JsonObject().put("certificates", out));
    }).onFailure(ctx::fail);
  }

  /** The holder's own PDF; 404 for anyone else's (whether it exists is not revealed). */
  private void download(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".pdf")) {
      error(ctx, 404, "Not found");
      return;
    }
    UUID me = learnerId.apply(ctx);
    registry.pdf(file.substring(0, file.length() - 4)).onSuccess(pdf -> {
      if (pdf.isEmpty() || !pdf.get().learnerId().equals(me)) {
        error(ctx, 404, "Not found");
        return;
      }
      sendPdf(ctx, pdf.get());
    }).onFailure(ctx::fail);
  }

  private static void sendPdf(RoutingContext ctx, CertificateRegistry.IssuedPdf pdf) {
    ctx.response().putHeader("Content-Type", "application/pdf")
        .putHeader("Content-Disposition", "attachment; filename=\"certificado-" + pdf.id() + ".pdf\"")
        .putHeader("Cache-Control", "private, no-store")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(Buffer.buffer(pdf.bytes()));
  }

  // ---- admin

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

  /** Who acts: the {@code actor} of the body (or {@code X-Civica-Actor}), prefixed {@code admin:}; else {@code admin}. */
  private static String actor(RoutingContext ctx, JsonObject body) {
    String named = body != null ? body.getString("actor") : null;
    if (named == null || named.isBlank()) {
      named = ctx.request().getHeader("X-Civica-Actor");
    }
    if (named == null || named.isBlank()) {
      return "admin";
    }
    String clean = named.strip();
    return "admin:" + (clean.length() > 100 ? clean.substring(0, 100) : clean);
  }

  private void list(RoutingContext ctx) {
    int limit = intParam(ctx, "limit", 100);
    int offset = intParam(ctx, "offset", 0);
    String organisation = ctx.queryParams().get("organisation");
    registry.listByOrganisation(organisation, ctx.queryParams().get("q"), limit, offset).onSuccess(list ->
        ctx.json(new JsonObject().put("certificates",
            new JsonArray(list.stream().map(c -> c.adminJson(registry.today())).toList()))))
        .onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    registry.find(id).compose(found -> found.isEmpty() ? Future.failedFuture(CertificateException.notFound())
        : registry.audit(id, 0, CertificateRegistry.MAX_LIST).map(audit -> found.get().adminJson(registry.today())
            .put("audit", new JsonArray(audit.stream().map(AuditEntry::toJson).toList()))))
        .onSuccess(ctx::json).onFailure(e -> fail(ctx, e));
  }

  private void adminPdf(RoutingContext ctx) {
    registry.pdf(ctx.pathParam("id")).onSuccess(pdf -> {
      if (pdf.isEmpty()) {
        error(ctx, 404, "No such certificate");
      } else {
        sendPdf(ctx, pdf.get());
      }
    }).onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    JsonObject body = jsonBody(ctx);
    if (body == null || body.getString("reason") == null || body.getString("reason").isBlank()) {
      error(ctx, 400, "Give the reason: {\"reason\": \"…\", \"actor\": \"who revokes\"}");
      return;
    }
    String reason = body.getString("reason").strip();
    if (reason.length() > 500) {
      error(ctx, 400, "The reason is at most 500 characters");
      return;
    }
    registry.revoke(ctx.pathParam("id"), reason, actor(ctx, body))
        .onSuccess(c -> ctx.json(c.adminJson(registry.today()))).onFailure(e -> fail(ctx, e));
  }

  private void renew(RoutingContext ctx) {
    registry.renew(ctx.pathParam("id"), actor(ctx, jsonBody(ctx)))
        .onSuccess(c -> {
          ctx.response().setStatusCode(201);
          ctx.json(c.adminJson(registry.today()));
        })
        .onFailure(e -> fail(ctx, e));
  }

  private void recheck(RoutingContext ctx) {
    registry.recheckAll().onSuccess(issued -> ctx.json(new JsonObject().put("issued",
        new JsonArray(issued.stream().map(CertificateRecord::id).toList())))).onFailure(ctx::fail);
  }

  private void audit(RoutingContext ctx) {
    registry.audit(ctx.queryParams().get("certificate"), longParam(ctx, "before", 0), intParam(ctx, "limit", 100))
        .onSuccess(list -> ctx.json(new JsonObject().put("entries",
            new JsonArray(list.stream().map(AuditEntry::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  // ---- helpers

  private static JsonObject jsonBody(RoutingContext ctx) {
    try {
      return ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static int intParam(RoutingContext ctx, String name, int fallback) {
    return (int) Math.min(Integer.MAX_VALUE, longParam(ctx, name, fallback));
  }

  private static long longParam(RoutingContext ctx, String name, long fallback) {
    List<String> values = ctx.queryParam(name);
    try {
      return values.isEmpty() ? fallback : Long.parseLong(values.get(0));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static void fail(RoutingContext ctx, Throwable e) {
    if (e instanceof CertificateException c) {
      error(ctx, c.status(), c.getMessage());
    } else {
      LOG.error("Certificate request failed", e);
      ctx.fail(e);
    }
  }

  private static void error(RoutingContext ctx, int status, String message) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", message).encode());
    }
  }
}
