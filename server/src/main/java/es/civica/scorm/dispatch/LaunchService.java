package es.civica.scorm.dispatch;

import es.civica.content.Course;
import es.civica.content.Unit;
import es.civica.db.DatabaseWorker;
import es.civica.gamification.GamificationStore;
import es.civica.learning.Learner;
import es.civica.learning.LearnerStore;
import es.civica.organisation.OrganisationStore;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static es.civica.scorm.LaunchParameters.ACTIVITY_ID;
import static es.civica.scorm.LaunchParameters.BRIDGE;
import static es.civica.scorm.LaunchParameters.CMI5_ACTIVITY_ID;
import static es.civica.scorm.LaunchParameters.CMI5_ACTOR;
import static es.civica.scorm.LaunchParameters.CMI5_AUTH_TOKEN;
import static es.civica.scorm.LaunchParameters.CMI5_ENDPOINT;
import static es.civica.scorm.LaunchParameters.CMI5_REGISTRATION;
import static es.civica.scorm.LaunchParameters.COURSE;
import static es.civica.scorm.LaunchParameters.DISPATCH;
import static es.civica.scorm.LaunchParameters.DISPATCH_ID;
import static es.civica.scorm.LaunchParameters.LEARNER_ID;
import static es.civica.scorm.LaunchParameters.LEARNER_NAME;
import static es.civica.scorm.LaunchParameters.LMS_ORIGIN;
import static es.civica.scorm.LaunchParameters.STANDARD;
import static es.civica.scorm.LaunchParameters.UNIT;

/**
 * The launch of a unit from an LMS (scorm/README.md, "Launch request"): verifies the signed binding, the
 * registration (revocation, expiry, seat cap in distinct learners) and the LMS origin; maps the LMS learner to
 * the agent {@code account {homePage: <LMS base URL>, name: <LMS learner id>}}; records the launch and issues a
 * short-lived, single-use signed launch token. The framed player then exchanges the token for a frame session
 * ({@link #exchange}). cmi5: the LMS facts are trusted only once the auth token has read {@code LMS.LaunchData}
 * from the LMS's LRS (done here, server side).
 */
public final class LaunchService {
  private static final Logger LOG = LoggerFactory.getLogger(LaunchService.class);
  /** How long a launch token may wait to be exchanged. */
  public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(2);
  /** How long a frame session lasts (an LMS session; the LMS relaunches after that). */
  public static final Duration FRAME_SESSION_LIFETIME = Duration.ofHours(8);

  private final DatabaseWorker db;
  private final Course course;
  private final DispatchSigner signer;
  private final RegistrationStore registrations;
  private final LaunchStore launches;
  private final LearnerStore learners = new LearnerStore();
  private final GamificationStore profiles = new GamificationStore();
  private final OrganisationStore organisations = new OrganisationStore();
  private final Cmi5Client cmi5;
  private final String serverOrigin;

  public LaunchService(DatabaseWorker db, Course course, DispatchSigner signer, RegistrationStore registrations,
                       LaunchStore launches, Cmi5Client cmi5, String serverBaseUrl) {
    this.db = db;
    this.course = course;
    this.signer = signer;
    this.registrations = registrations;
    this.launches = launches;
    this.cmi5 = cmi5;
    this.serverOrigin = origin(serverBaseUrl).orElseThrow();
  }

  /** A launch accepted: the token for the player and where to send it. */
  public record Accepted(String registrationId, int unit, String token) {
  }

  /** A frame session: the bearer token and what the player needs to know about its launch. */
  public record FrameSession(String token, Learner learner, LaunchStore.Launch launch, LmsRegistration registration) {
  }

  /**
   * Checks a launch form. {@code requestOrigin} is the browser's {@code Origin} header of the POST. Fails with
   * {@link LaunchRefused}.
   */
  public Future<Accepted> launch(MultiMap form, String requestOrigin) {
    try {
      if (!"1".equals(form.get(BRIDGE))) {
        throw new LaunchRefused(400, "bridge", "Unsupported launcher version");
      }
      String standard = form.get(STANDARD);
      if (!"scorm12".equals(standard) && !"scorm2004".equals(standard) && !"cmi5".equals(standard)) {
        throw new LaunchRefused(400, "standard", "Unknown standard");
      }
      String registrationId = signer.verifyBinding(form.get(DISPATCH))
          .orElseThrow(() -> new LaunchRefused(403, "binding", "The package's dispatch binding is not valid"));
      String claimedId = form.get(DISPATCH_ID);
      if (claimedId != null && !claimedId.isEmpty() && !claimedId.equals(registrationId)) {
        throw new LaunchRefused(403, "binding", "The package's dispatch binding is not valid");
      }
      Unit unit = parseUnit(form.get(UNIT));
      String lmsOrigin = origin(form.get(LMS_ORIGIN)).orElseThrow(() ->
          new LaunchRefused(400, "origin", "The LMS origin is missing"));
      String learnerId = text(form.get(LEARNER_ID), 255);
      if (learnerId.isEmpty()) {
        throw new LaunchRefused(400, "learner", "The LMS did not give a learner id");
      }
      String learnerName = displayName(standard, text(form.get(LEARNER_NAME), 255), learnerId);
      if (!standard.equals("cmi5")) {
        String courseIri = form.get(COURSE);
        String activityId = form.get(ACTIVITY_ID);
        if ((courseIri != null && !courseIri.isEmpty() && !courseIri.equals(course.id()))
            || (activityId != null && !activityId.isEmpty() && !activityId.equals(unit.id()))) {
          throw new LaunchRefused(404, "content", "This package is for another course or unit");
        }
      }
      Future<JsonObject> cmi5Facts = standard.equals("cmi5")
          ? cmi5Facts(form, learnerId) : Future.succeededFuture(null);
      return cmi5Facts.compose(facts -> db.transaction(dsl -> {
        LmsRegistration registration = registrations.lock(dsl, registrationId)
            .orElseThrow(() -> new LaunchRefused(403, "registration", "This LMS is not registered"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String refusal = registration.refusal(now);
        if (refusal != null) {
          throw new LaunchRefused(403, refusal, refusal.equals("expired")
              ? "This LMS's registration has expired" : "This LMS's registration was revoked");
        }
        // SCORM: the launcher page is the LMS's, so the browser's Origin is the LMS. cmi5: the launcher is our
        // own page; the LMS is the origin of the fetch URL (and of its LRS endpoint, checked in cmi5Facts).
        String expectedRequestOrigin = standard.equals("cmi5") ? serverOrigin : registration.origin();
        if (!expectedRequestOrigin.equals(requestOrigin) || !registration.origin().equals(lmsOrigin)) {
          throw new LaunchRefused(403, "origin", "This package is registered for another LMS");
        }
        if (facts != null) {
          String endpointOrigin = origin(facts.getString("endpoint")).orElse("");
          if (!endpointOrigin.equals(registration.origin())
              && !endpointOrigin.equals(origin(registration.baseUrl()).orElse(""))) {
            throw new LaunchRefused(403, "origin", "The cmi5 LRS endpoint is not the registered LMS's");
          }
        }
        Learner learner = registrations.lmsLearner(dsl, registration.baseUrl(), learnerId, learnerName);
        if (!registrations.takeSeat(dsl, registration, learner.id())) {
          throw new LaunchRefused(403, "seats", "Every seat of this LMS's registration is taken");
        }
        // an alias and the registration's organisation from the first launch: on leaderboards like local learners
        profiles.ensureProfile(dsl, learner.id(), organisations.displayName(dsl, registration.organisation()));
        UUID launchId = UUID.randomUUID();
        Instant expires = Instant.now().plus(TOKEN_LIFETIME);
        launches.insert(dsl, new LaunchStore.Launch(launchId, registration.id(), learner.id(), unit.number(),
            standard, lmsOrigin, facts, expires.atOffset(ZoneOffset.UTC), false));
        return new Accepted(registration.id(), unit.number(), signer.launchToken(launchId, expires));
      }));
    } catch (LaunchRefused e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Exchanges a launch token for a frame session: once, before it expires, only for a token this server signed.
   */
  public Future<FrameSession> exchange(String token) {
    Optional<UUID> launchId = signer.verifyLaunchToken(token, Instant.now());
    if (launchId.isEmpty()) {
      return Future.failedFuture(new LaunchRefused(401, "token", "Launch token not valid or expired"));
    }
    return db.transaction(dsl -> {
      LaunchStore.Launch pending = launches.find(dsl, launchId.get())
          .orElseThrow(() -> new LaunchRefused(401, "token", "Launch token not valid or expired"));
      String session = learners.openSession(dsl, pending.learnerId(), FRAME_SESSION_LIFETIME);
      LaunchStore.Launch launch = launches.consume(dsl, pending.id(), LearnerStore.sha256(session))
          .orElseThrow(() -> new LaunchRefused(401, "token", "Launch token already used or expired"));
      Learner learner = learners.sessionLearner(dsl, session).orElseThrow();
      LmsRegistration registration = registrations.find(dsl, launch.registrationId()).orElseThrow();
      return new FrameSession(session, learner, launch, registration);
    });
  }

  /** The launch behind a frame session token, if the session is one. */
  public Future<Optional<LaunchStore.Launch>> launchOfSession(String sessionToken) {
    return db.query(dsl -> launches.bySession(dsl, LearnerStore.sha256(sessionToken)));
  }

  private Future<JsonObject> cmi5Facts(MultiMap form, String learnerId) {
    String endpoint = form.get(CMI5_ENDPOINT);
    String token = form.get(CMI5_AUTH_TOKEN);
    String registration = form.get(CMI5_REGISTRATION);
    String activityId = form.get(CMI5_ACTIVITY_ID);
    JsonObject actor;
    try {
      actor = new JsonObject(form.get(CMI5_ACTOR));
      UUID.fromString(registration);
    } catch (RuntimeException e) {
      throw new LaunchRefused(400, "cmi5", "The cmi5 launch parameters are incomplete");
    }
    if (origin(endpoint).isEmpty() || token == null || token.isBlank() || activityId == null || activityId.isBlank()) {
      throw new LaunchRefused(400, "cmi5", "The cmi5 launch parameters are incomplete");
    }
    JsonObject account = actor.getJsonObject("account");
    String actorId = account != null ? account.getString("name") : actor.getString("mbox");
    if (!learnerId.equals(actorId)) {
      throw new LaunchRefused(400, "cmi5", "The learner is not the cmi5 actor");
    }
    return cmi5.launchData(endpoint, token, activityId, actor, registration).recover(e -> {
      LOG.info("cmi5 launch refused: {}", e.getMessage());
      return Future.failedFuture(new LaunchRefused(403, "cmi5",
          "The LMS's LRS did not confirm this cmi5 launch (LMS.LaunchData)"));
    }).map(launchData -> new JsonObject()
        .put("endpoint", endpoint)
        .put("authToken", token)
        .put("registration", registration)
        .put("actor", actor)
        .put("activityId", activityId)
        .put("launchData", launchData));
  }

  private Unit parseUnit(String value) {
    try {
      return course.unit(Integer.parseInt(value == null ? "" : value.trim()))
          .orElseThrow(() -> new LaunchRefused(404, "unit", "No such unit"));
    } catch (NumberFormatException e) {
      throw new LaunchRefused(400, "unit", "No such unit");
    }
  }

  /** SCORM 1.2 gives "Last, First": shown as "First Last". */
  static String displayName(String standard, String given, String learnerId) {
    if (given.isEmpty()) {
      return learnerId;
    }
    if (standard.equals("scorm12") || standard.equals("scorm2004")) {
      int comma = given.indexOf(',');
      if (comma > 0 && given.indexOf(',', comma + 1) < 0 && comma < given.length() - 1) {
        return (given.substring(comma + 1).strip() + " " + given.substring(0, comma).strip()).strip();
      }
    }
    return given;
  }

  private static String text(String value, int max) {
    if (value == null) {
      return "";
    }
    String s = value.strip();
    return s.length() > max ? s.substring(0, max) : s;
  }

  /** {@code scheme://host[:port]} (lowercase, default ports dropped) of an http(s) URL or origin. */
  public static Optional<String> origin(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
