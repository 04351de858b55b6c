package es.civica;

import es.civica.certificates.IssuerKeys;
import es.civica.certificates.IssuerProfile;
import es.civica.certification.CertificateRegistry;
import es.civica.certification.CertificateRoutes;
import es.civica.certification.CertificateSettings;
import es.civica.certification.IssuerSetup;
import es.civica.content.ContentLoader;
import es.civica.content.Course;
import es.civica.db.Database;
import es.civica.db.DatabaseWorker;
import es.civica.gamification.Gamification;
import es.civica.desk.DeskRoutes;
import es.civica.desk.DeskService;
import es.civica.desk.HrDesk;
import es.civica.learning.PlayerRoutes;
import es.civica.learning.Tracker;
import es.civica.organisation.OrganisationNamesRoute;
import es.civica.scorm.dispatch.Dispatch;
import es.civica.web.HttpVerticle;
import es.civica.web.Routes;
import es.civica.xapi.AboutResource;
import es.civica.xapi.XapiProtocol;
import es.civica.xapi.document.ActivitiesAndAgentsRoutes;
import es.civica.xapi.document.DocumentRoutes;
import es.civica.xapi.document.DocumentService;
import es.civica.xapi.auth.CredentialAdminRoutes;
import es.civica.xapi.auth.CredentialAuthenticator;
import es.civica.xapi.auth.Credential;
import es.civica.xapi.auth.CredentialStore;
import es.civica.xapi.auth.Scope;
import es.civica.xapi.auth.SecretHasher;
import es.civica.xapi.statement.StatementRoutes;
import es.civica.xapi.statement.StatementService;
import es.civica.xapi.statement.StatementStore;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.time.Clock;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The running product: database, Vert.x and the HTTP server, wired together. Used by Main and by tests. */
public final class Application implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);
  /** Label of the LRS credential of the learner player. */
  public static final String PLAYER_LABEL = "Cívica player";

  private final Settings settings;
  private final Vertx vertx;
  private final Database database;
  private final DatabaseWorker db;
  private final HttpVerticle http;
  private final String adminSecret;
  private final Gamification gamification;

  private Application(Settings settings, Vertx vertx, Database database, DatabaseWorker db, HttpVerticle http,
                      String adminSecret, Gamification gamification) {
    this.settings = settings;
    this.vertx = vertx;
    this.database = database;
    this.db = db;
    this.http = http;
    this.adminSecret = adminSecret;
    this.gamification = gamification;
  }

  /** Starts everything; blocks until the server listens. Port 0 picks a free port. */
  public static Application start(Settings settings) throws Exception {
    Database database = Database.open(settings);
    Vertx vertx = Vertx.vertx();
    try {
      DatabaseWorker db = new DatabaseWorker(vertx, database, settings.dbPoolSize());
      String adminSecret = adminSecret(settings);

      CredentialStore credentials = new CredentialStore();
      CredentialAuthenticator authenticator = new CredentialAuthenticator(vertx, db, credentials);
      XapiProtocol xapi = new XapiProtocol(authenticator, settings.xapiVersions());
      new AboutResource(settings.xapiVersions()).register(xapi);
      StatementService statements = new StatementService(vertx, db, new StatementStore(), settings.publicUrl());
      new StatementRoutes(statements, Routes.XAPI_ROOT + "/statements").register(xapi);
      new DocumentRoutes(new DocumentService(db)).register(xapi);
      new ActivitiesAndAgentsRoutes(db).register(xapi);

      Course course = ContentLoader.fromClasspath();
      Credential player = db.transaction(dsl -> playerCredential(dsl, credentials)).await(60, TimeUnit.SECONDS);
      PlayerRoutes playerRoutes = new PlayerRoutes(db, course, new Tracker(statements, player, settings.publicUrl(), course));

      Dispatch dispatch = new Dispatch(vertx, db, course, settings, adminSecret);
      playerRoutes.frameAncestors(dispatch.frameAncestors());
      Gamification gamification = Gamification.start(vertx, db, course, statements, credentials, settings.publicUrl(),
          adminSecret, playerRoutes.sessionHandler());

      CertificateRegistry certificates = certificates(settings, vertx, db, course, statements, credentials, player);
      CertificateRoutes certificateRoutes = new CertificateRoutes(certificates, playerRoutes.sessionHandler(),
          ctx -> PlayerRoutes.signedInLearner(ctx).id(), adminSecret, settings.certificates());

      DeskService deskService = new DeskService(db, credentials, authenticator);
      DeskRoutes deskRoutes = new DeskRoutes(deskService, authenticator, course,
          settings.publicUrl().startsWith("https:"), new HrDesk(certificates, deskService));
      Routes routes = new Routes(db, xapi, new CredentialAdminRoutes(db, credentials, authenticator, adminSecret),
          playerRoutes, deskRoutes).mount(dispatch::mount).mount(certificateRoutes::mount)
          .mount(gamification.routes()::mount).mount(new OrganisationNamesRoute(db)::mount);
      // One HTTP verticle per event loop on the same port: Vert.x binds the socket once and hands connections out
      // round-robin. Port 0 becomes -1, Vert.x's "one random port shared by these servers" (0 would give each its own).
      int port = settings.httpPort() == 0 ? -1 : settings.httpPort();
      List<HttpVerticle> verticles = new CopyOnWriteArrayList<>();
      vertx.deployVerticle(() -> {
        HttpVerticle v = new HttpVerticle(port, routes::build);
        verticles.add(v);
        return v;
      }, new DeploymentOptions().setInstances(settings.httpInstances())).await(60, TimeUnit.SECONDS);
      HttpVerticle http = verticles.get(0);
      LOG.info("Cívica listening on port {} with {} event loop(s) ({})", http.actualPort(), settings.httpInstances(),
          settings.publicUrl());
      dispatch.publishPackages().await(120, TimeUnit.SECONDS);
      // certificates earned while the server was down (statements stored, event not handled) are issued now
      certificates.recheckAll().onSuccess(issued -> {
        if (!issued.isEmpty()) {
          LOG.info("Issued {} certificate(s) found due at start", issued.size());
        }
      });
      return new Application(settings, vertx, database, db, http, adminSecret, gamification);
    } catch (Exception e) {
      vertx.close();
      database.close();
      throw e;
    }
  }

  /**
   * Certificates: the issuer key and profile, the registry listening to stored statements (issue 7). Its issue
   * statements are stored with their own system credential ({@value #CERTIFICATES_LABEL}).
   */
  private static CertificateRegistry certificates(Settings settings, Vertx vertx, DatabaseWorker db, Course course,
                                                  StatementService statements, CredentialStore credentials,
                                                  Credential player) throws Exception {
    CertificateSettings cs = settings.certificates();
    IssuerKeys keys = IssuerSetup.keys(cs);
    IssuerProfile profile = IssuerSetup.profile(cs, settings.publicUrl());
    Credential own = db.transaction(dsl -> systemCredential(dsl, credentials, CERTIFICATES_LABEL))
        .await(60, TimeUnit.SECONDS);
    return new CertificateRegistry(vertx, db, course, statements, own, player.id(), keys, profile,
        settings.publicUrl(), cs, Clock.systemUTC()).listen();
  }

  /** Label of the LRS credential that records certificate issues. */
  public static final String CERTIFICATES_LABEL = "Cívica certificates";

  private static Credential systemCredential(org.jooq.DSLContext dsl, CredentialStore credentials, String label) {
    return credentials.list(dsl).stream()
        .filter(c -> c.label().equals(label) && c.active())
        .findFirst()
        .orElseGet(() -> credentials.create(dsl, label, EnumSet.of(Scope.ALL)).credential());
  }

  /** The LRS credential the learner player writes its statements with, created once (label {@value #PLAYER_LABEL}). */
  private static Credential playerCredential(org.jooq.DSLContext dsl, CredentialStore credentials) {
    return credentials.list(dsl).stream()
        .filter(c -> c.label().equals(PLAYER_LABEL) && c.active())
        .findFirst()
        .orElseGet(() -> credentials.create(dsl, PLAYER_LABEL, EnumSet.of(Scope.ALL)).credential());
  }

  private static String adminSecret(Settings settings) throws Exception {
    if (settings.adminSecret() != null) {
      return settings.adminSecret();
    }
    Path file = settings.dataDir().resolve("admin-secret");
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    String secret = SecretHasher.randomToken(24);
    Files.createDirectories(settings.dataDir());
    Files.writeString(file, secret + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    LOG.info("Generated the admin secret in {}", file);
    return secret;
  }

  public int port() {
    return http.actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  public DatabaseWorker db() {
    return db;
  }

  public Settings settings() {
    return settings;
  }

  public Gamification gamification() {
    return gamification;
  }

  public String adminSecret() {
    return adminSecret;
  }

  /** Graceful stop: the HTTP server finishes in-flight requests, then workers, pool and database close. */
  @Override
  public void close() throws Exception {
    try {
      vertx.close().await(30, TimeUnit.SECONDS);
    } finally {
      database.close();
    }
  }
}
