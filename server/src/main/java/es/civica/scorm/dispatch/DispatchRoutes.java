package es.civica.scorm.dispatch;

import es.civica.db.DatabaseWorker;
import es.civica.learning.PlayerRoutes;
import es.civica.scorm.LaunchParameters;
import es.civica.scorm.ScormPackager;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The learner side of the dispatch model: {@code POST /scorm/launch} (the launch form of every package), the cmi5
 * AU launch page under {@code /scorm/cmi5/}, {@code POST /api/lms/session} (the framed player exchanges its
 * launch token for a frame session) and the {@code frame-ancestors} of the player pages for LMS launches.
 */
public final class DispatchRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchRoutes.class);

  private final DatabaseWorker db;
  private final RegistrationStore registrations;
  private final LaunchService launches;
  private final Map<String, byte[]> cmi5Files;
  private final Cmi5Forwarder forwarder;

  public DispatchRoutes(DatabaseWorker db, RegistrationStore registrations, LaunchService launches,
                        Cmi5Forwarder forwarder, String publicUrl) {
    this.db = db;
    this.forwarder = forwarder;
    this.registrations = registrations;
    this.launches = launches;
    this.cmi5Files = ScormPackager.cmi5LaunchFiles(publicUrl);
  }

  public void mount(Router router) {
    router.post(LaunchParameters.LAUNCH_PATH).handler(this::launch);
    router.get(LaunchParameters.CMI5_PATH + ":file").handler(this::cmi5File);
    router.post("/api/lms/session").handler(this::session);
  }

  /**
   * The extra origins allowed to frame the player or the cmi5 page: the origin of the registration named by the
   * {@code lms} (player) or {@code dispatchId} (cmi5 page) query parameter, while it is active.
   */
  public PlayerRoutes.FrameAncestors frameAncestors() {
    return ctx -> {
      String id = ctx.request().getParam("lms");
      if (id == null) {
        id = ctx.request().getParam(LaunchParameters.DISPATCH_ID);
      }
      if (!DispatchSigner.validRegistrationId(id)) {
        return Future.succeededFuture(List.of());
      }
      String registrationId = id;
      return db.query(dsl -> registrations.find(dsl, registrationId)
          .filter(r -> r.refusal(OffsetDateTime.now(ZoneOffset.UTC)) == null)
          .map(r -> List.of(r.origin())).orElse(List.of()));
    };
  }

  private void launch(RoutingContext ctx) {
    launches.launch(ctx.request().formAttributes(), ctx.request().getHeader("Origin"))
        .onSuccess(accepted -> ctx.response().setStatusCode(303)
            .putHeader("Location", "/play/?lms=" + accepted.registrationId() + "#launch=" + accepted.token())
            .putHeader("Cache-Control", "no-store")
            .putHeader("Referrer-Policy", "no-referrer")
            .end())
        .onFailure(e -> {
          if (e instanceof LaunchRefused r) {
            LOG.info("Launch refused ({}): {}", r.code(), r.getMessage());
            refusalPage(ctx, r);
          } else {
            LOG.error("Launch failed", e);
            refusalPage(ctx, new LaunchRefused(500, "internal", "Internal error"));
          }
        });
  }

  /** The page shown in the LMS's frame when a launch is refused (Spanish, like the launcher; no script). */
  private static void refusalPage(RoutingContext ctx, LaunchRefused r) {
    String html = "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Cívica</title>"
        + "<style>body{font:1rem/1.5 system-ui,sans-serif;color:#1f2933;max-width:40rem;margin:3rem auto;"
        + "padding:0 1.5rem}</style></head><body><main><h1>No se ha podido abrir la unidad</h1>"
        + "<p>" + message(r.code()) + "</p><p>Código: <code>" + r.code() + "</code></p></main></body></html>";
    ctx.response().setStatusCode(r.status())
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *")
        .putHeader("Cache-Control", "no-store")
        .end(html);
  }

  private static String message(String code) {
    return switch (code) {
      case "expired" -> "El acceso de esta plataforma de formación al curso ha caducado. Avise a su administrador.";
      case "revoked" -> "El acceso de esta plataforma de formación al curso se ha retirado. Avise a su administrador.";
      case "seats" -> "Se han agotado las plazas contratadas para esta plataforma de formación. Avise a su administrador.";
      case "origin", "binding", "registration" ->
          "Este paquete no está registrado para esta plataforma de formación. Avise a su administrador.";
      case "learner" -> "La plataforma de formación no ha indicado quién es usted. Vuelva a entrar en el curso.";
      case "internal" -> "Error interno del servidor. Inténtelo de nuevo en unos minutos.";
      default -> "La solicitud de inicio no es válida. Vuelva a abrir la unidad desde su curso.";
    };
  }

  private void cmi5File(RoutingContext ctx) {
    String name = ctx.pathParam("file");
    byte[] bytes = cmi5Files.get(name);
    if (bytes == null) {
      ctx.next();
      return;
    }
    frameAncestors().origins(ctx).onComplete(r -> {
      String ancestors = "'self'" + (r.succeeded() ? r.result().stream().map(o -> " " + o).reduce("", String::concat) : "");
      ctx.response()
          .putHeader("Content-Type", name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8")
          .putHeader("X-Content-Type-Options", "nosniff")
          .putHeader("Cache-Control", "no-cache");
      if (name.endsWith(".html")) {
        // the page carries its own CSP (meta); frame-ancestors only works as a header
        ctx.response().putHeader("Content-Security-Policy", "frame-ancestors " + ancestors);
      }
      ctx.response().end(Buffer.buffer(bytes));
    });
  }

  private void session(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    String token = body == null ? null : body.getString("token");
    launches.exchange(token).onSuccess(s -> {
      forwarder.initialized(s.launch());
      ctx.response().putHeader("Cache-Control", "no-store").putHeader("Content-Type", "application/json").end(new JsonObject()
            .put("session", s.token())
            .put("expiresIn", LaunchService.FRAME_SESSION_LIFETIME.toSeconds())
            .put("learner", s.learner().toJson())
            .put("unit", s.launch().unit())
            .put("standard", s.launch().standard())
            .put("lmsOrigin", s.launch().lmsOrigin())
            .put("registration", new JsonObject().put("id", s.registration().id()).put("name", s.registration().name()))
            .encode());
    })
        .onFailure(e -> {
          int status = e instanceof LaunchRefused r ? r.status() : 500;
          if (status == 500) {
            LOG.error("Launch token exchange failed", e);
          }
          ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
              .end(new JsonObject().put("error", e instanceof LaunchRefused ? e.getMessage() : "Internal error").encode());
        });
  }
}
