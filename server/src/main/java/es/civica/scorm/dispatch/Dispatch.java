package es.civica.scorm.dispatch;

import es.civica.Settings;
import es.civica.content.Course;
import es.civica.db.DatabaseWorker;
import es.civica.learning.PlayerRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;

/**
 * The SCORM / cmi5 dispatch feature wired together (DESIGN.md, decision 3): LMS registrations and package
 * downloads for admins, launches, frame sessions and cmi5 statements for learners.
 */
public final class Dispatch {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatch.class);
  /** The registration created on a development server (public URL on a loopback host) that has none. */
  public static final String LOCAL_REGISTRATION = "local";

  private final DatabaseWorker db;
  private final Settings settings;
  private final RegistrationStore registrations = new RegistrationStore();
  private final DispatchRoutes routes;
  private final DispatchAdminRoutes admin;

  public Dispatch(Vertx vertx, DatabaseWorker db, Course course, Settings settings, String adminSecret)
      throws java.io.IOException {
    this.db = db;
    this.settings = settings;
    DispatchSigner signer = DispatchSigner.fromDataDir(settings.dataDir());
    LaunchStore launches = new LaunchStore();
    Cmi5Client cmi5 = new Cmi5Client(vertx);
    LaunchService launchService = new LaunchService(db, course, signer, registrations, launches, cmi5,
        settings.publicUrl());
    Cmi5Forwarder forwarder = new Cmi5Forwarder(db, course, registrations, launches, cmi5);
    forwarder.listen(vertx);
    this.routes = new DispatchRoutes(db, registrations, launchService, forwarder, settings.publicUrl());
    this.admin = new DispatchAdminRoutes(vertx, db, registrations,
        new CoursePackages(course, settings.publicUrl(), signer), adminSecret, settings.publicUrl(),
        settings.dataDir().resolve("packages"));
  }

  public void mount(Router router) {
    routes.mount(router);
    admin.mount(router, "/admin/api");
  }

  public PlayerRoutes.FrameAncestors frameAncestors() {
    return routes.frameAncestors();
  }

  /**
   * At start: on a development server without registrations, registers {@value #LOCAL_REGISTRATION} (an LMS at
   * {@code http://localhost}); then writes every active registration's packages under
   * {@code <data dir>/packages/<id>/}.
   */
  public Future<Void> publishPackages() {
    boolean loopback = isLoopback(settings.publicUrl());
    return db.transaction(dsl -> {
      if (loopback && registrations.list(dsl).isEmpty()) {
        registrations.create(dsl, LOCAL_REGISTRATION, new RegistrationStore.Fields("LMS local de pruebas",
            "http://localhost", "http://localhost", null, null, null));
        LOG.info("Registered the development LMS '{}' (origin http://localhost); change it with "
            + "PUT /admin/api/lms-registrations/{}", LOCAL_REGISTRATION, LOCAL_REGISTRATION);
      }
      return registrations.list(dsl);
    }).compose(list -> {
      if (!settings.publicUrl().startsWith("https:") && !loopback) {
        LOG.warn("No SCORM packages written: CIVICA_PUBLIC_URL must be https for LMS learners to reach the player");
        return Future.succeededFuture();
      }
      List<Future<Void>> writes = list.stream().map(admin::writePackages).toList();
      return Future.join(writes).mapEmpty();
    });
  }

  private static boolean isLoopback(String url) {
    try {
      String host = URI.create(url).getHost();
      return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
