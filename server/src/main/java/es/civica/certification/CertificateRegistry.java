package es.civica.certification;

import es.civica.EventAddresses;
import es.civica.certificates.CertificateData;
import es.civica.certificates.CertificateIssuer;
import es.civica.certificates.IssuedCertificate;
import es.civica.certificates.IssuerDocument;
import es.civica.certificates.IssuerKeys;
import es.civica.certificates.IssuerProfile;
import es.civica.certificates.UnitResult;
import es.civica.content.Course;
import es.civica.db.DatabaseWorker;
import es.civica.db.SingleWriterCache;
import es.civica.organisation.OrganisationStore;
import es.civica.xapi.XapiVersion;
import es.civica.xapi.auth.Credential;
import es.civica.xapi.statement.StatementService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The certificates of the product: issues them when a learner has earned one, keeps the record, answers
 * verification, compares PDFs with the recorded fingerprint, revokes and renews, with an audit log. The service
 * API that the HTTP routes and the HR / training-school desks use (server/CERTIFICATES.md). Every method returns a
 * future and never blocks the caller: database work runs on {@link DatabaseWorker}, rendering and signing on the
 * {@value #POOL} worker pool (platform threads, each preparing its fonts once).
 */
public final class CertificateRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(CertificateRegistry.class);
  /** Name of the worker pool that renders and signs certificates. */
  public static final String POOL = "civica-certificates";
  /** Verb of the statement that records an issue (xAPI TLA vocabulary). */
  public static final String VERB_ACHIEVED = "https://w3id.org/xapi/tla/verbs/achieved";
  /** Activity type of a certificate in that statement. */
  public static final String TYPE_CERTIFICATE = "https://civica.app/xapi/activity-types/certificate";
  static final String EXT = "https://civica.app/xapi/extensions/";
  public static final String SYSTEM = "system";
  /** Largest page of a listing. */
  public static final int MAX_LIST = 500;

  private final Vertx vertx;
  private final DatabaseWorker db;
  private final Course course;
  private final StatementService statements;
  private final Credential credential;
  private final CertificateIssuer issuer;
  private final IssuerProfile profile;
  private final String issuerDocument;
  private final String publicUrl;
  private final int validityMonths;
  private final Eligibility eligibility;
  private final Clock clock;
  private final WorkerExecutor pool;
  private final CertificateStore store = new CertificateStore();
  private final OrganisationStore organisations = new OrganisationStore();
  /** Null when another process may write the certificates too (a configured database server). */
  /**
   * Recently verified certificates, for the public verify page only (a QR scanned again, a page reloaded): a record
   * changes only by a revocation or a renewal, which drops it here. Unknown ids are never kept (a certificate issued
   * a second later must be found); statuses are not kept either, only records: expiry is computed at each reading.
   * Null with an external database (another server may change it).
   */
  private final SingleWriterCache<String, CertificateRecord> publicRecords;

  /**
   * @param credential   the LRS credential the issue statements are stored with (the certificates' system
   *                     credential)
   * @param playerCredentialId the player's credential: only the {@code passed} statements it stored count
   */
  public CertificateRegistry(Vertx vertx, DatabaseWorker db, Course course, StatementService statements,
                             Credential credential, long playerCredentialId, IssuerKeys keys, IssuerProfile profile,
                             String publicUrl, CertificateSettings settings, Clock clock) {
    this.vertx = vertx;
    this.db = db;
    this.course = course;
    this.statements = statements;
    this.credential = credential;
    this.issuer = new CertificateIssuer(keys, clock);
    this.profile = profile;
    this.issuerDocument = IssuerDocument.json(profile, keys.publicKey());
    this.publicUrl = publicUrl;
    this.validityMonths = settings.validityMonths();
    this.eligibility = new Eligibility(course, playerCredentialId);
    this.clock = clock;
    this.pool = vertx.createSharedWorkerExecutor(POOL, settings.issueThreads());
    this.publicRecords = db.database().embedded() ? new SingleWriterCache<>(10_000) : null;
  }

  /** Subscribes to {@code lrs.statement.stored}: a unit {@code passed} statement triggers a check of its learner. */
  public CertificateRegistry listen() {
    vertx.eventBus().<JsonObject>consumer(EventAddresses.LRS_STATEMENT_STORED, message -> {
      Set<UUID> registrations = registrationsOfUnitPasses(message.body());
      if (!registrations.isEmpty()) {
        db.query(dsl -> eligibility.learnersOf(dsl, registrations))
            .compose(learners -> sequentially(learners, this::checkLearnerQuietly))
            .onFailure(e -> LOG.error("Certificate eligibility check failed", e));
      }
    });
    return this;
  }

  private Set<UUID> registrationsOfUnitPasses(JsonObject batch) {
    Set<UUID> registrations = new LinkedHashSet<>();
    JsonArray list = batch == null ? null : batch.getJsonArray("statements");
    if (list == null) {
      return registrations;
    }
    for (Object o : list) {
      if (!(o instanceof JsonObject s)) {
        continue;
      }
      String verb = s.getJsonObject("verb", new JsonObject()).getString("id");
      String object = s.getJsonObject("object", new JsonObject()).getString("id");
      String registration = s.getJsonObject("context", new JsonObject()).getString("registration");
      if (Eligibility.PASSED.equals(verb) && registration != null && course.unitById(object).isPresent()) {
        try {
          registrations.add(UUID.fromString(registration));
        } catch (IllegalArgumentException ignored) {
          // the LRS validated it; nothing to do with a malformed one
        }
      }
    }
    return registrations;
  }

  // ---- issuing

  /**
   * Issues the learner's certificate if they have earned it and have none yet. Idempotent: the same evidence
   * checked twice (or concurrently) issues one certificate; the database refuses a second.
   *
   * @return the certificate issued now, or empty
   */
  public Future<Optional<CertificateRecord>> checkLearner(UUID learnerId) {
    return db.query(dsl -> store.hasFirst(dsl, learnerId, course.id()) ? Optional.<Eligibility.Evidence>empty()
            : eligibility.evidence(dsl, learnerId))
        .compose(evidence -> evidence.isEmpty() ? Future.succeededFuture(Optional.empty())
            : issue(evidence.get(), null, SYSTEM));
  }

  /** {@link #checkLearner}, a failure (logged) counting as nothing issued, so one learner cannot stop the others. */
  private Future<Optional<CertificateRecord>> checkLearnerQuietly(UUID learnerId) {
    return checkLearner(learnerId).otherwise(Optional.empty());
  }

  /** Checks every learner who passed every unit and has no certificate (after a restart, or on an admin's demand). */
  public Future<List<CertificateRecord>> recheckAll() {
    return db.query(eligibility::candidatesWithoutCertificate)
        .compose(learners -> sequentially(learners, this::checkLearnerQuietly))
        .map(results -> results.stream().flatMap(Optional::stream).toList());
  }

  /**
   * Renews a certificate: a new one with a new id, today's issue date, a new validity period and the holder's
   * current name, stating the same units and linking to the one it replaces. The old one stays as it is (revoke
   * it too when it must no longer be trusted). A certificate is renewed once; renew the renewal after that.
   */
  public Future<CertificateRecord> renew(String id, String actor) {
    changing(id);   // the old one will name its renewal
    return db.query(dsl -> store.find(dsl, id).map(old -> {
          Optional<Eligibility.Evidence> current = eligibility.evidence(dsl, old.learnerId());
          return new Renewal(old, current);
        }))
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.failedFuture(CertificateException.notFound());
          }
          CertificateRecord old = found.get().old();
          if (old.replacedById() != null) {
            return Future.failedFuture(CertificateException.conflict("Already renewed by " + old.replacedById()));
          }
          return issue(found.get().evidence().orElse(null), old, actor).compose(issued -> issued.isPresent()
              ? Future.succeededFuture(issued.get())
              : Future.failedFuture(CertificateException.conflict("Renewed meanwhile")));
        }).onComplete(r -> changing(id));
  }

  private record Renewal(CertificateRecord old, Optional<Eligibility.Evidence> evidence) {
  }

  /** Renders, signs, records and reports one certificate; empty when the database already had it. */
  private Future<Optional<CertificateRecord>> issue(Eligibility.Evidence evidence, CertificateRecord replaces,
                                                    String actor) {
    UUID learnerId = evidence != null ? evidence.learnerId() : replaces.learnerId();
    String holderName = evidence != null ? evidence.name() : replaces.holderName();
    String email = evidence != null ? evidence.email() : null;
    List<UnitResult> units = replaces != null ? replaces.units() : evidence.passes().stream()
        .map(p -> new UnitResult(p.unit().number(), p.unit().title(),
            p.timestamp().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(), p.scaledScore()))
        .toList();
    JsonObject actorAgent = evidence != null ? evidence.passes().get(0).actor() : null;

    String id = CertificateIds.random();
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate expires = validityMonths > 0 ? today.plusMonths(validityMonths).minusDays(1) : null;
    String verificationUrl = publicUrl + "/verify/" + id;
    CertificateData data = new CertificateData(id, holderName, email, course.title(), course.id(),
        course.certificateHours(), units, profile, today, expires, verificationUrl,
        replaces == null ? null : replaces.id());
    UUID statementId = actorAgent == null ? null : UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

    return pool.<IssuedCertificate>executeBlocking(() -> issuer.issue(data), false)
        .compose(issued -> db.transaction(dsl -> {
            // the organisation HR lists and revokes by: the one rule, as it stands at issue
            CertificateRecord record = new CertificateRecord(id, learnerId, data.holderName(),
                organisations.learnerOrganisation(dsl, learnerId, email), course.id(), data.courseTitle(),
                data.hours(), data.units(), profile.name(), profile.url(), issuer.publicKey().didKey(), today,
                expires, now, replaces == null ? null : replaces.id(), null, issued.sha256(), verificationUrl,
                issued.qrUrl(), statementId, null, null, null);
            if (!store.insert(dsl, new CertificateStore.NewCertificate(record, email, issued.pdf(),
                issued.credentialJson()))) {
              return Optional.<CertificateRecord>empty();
            }
            JsonObject details = new JsonObject().put("learnerId", learnerId.toString()).put("sha256", issued.sha256());
            if (replaces != null) {
              details.put("replaces", replaces.id());
            }
            store.audit(dsl, now, actor, replaces == null ? "issued" : "renewed", id, details);
            return Optional.of(record);
          }))
        .compose(inserted -> {
          if (inserted.isEmpty() || actorAgent == null) {
            return Future.succeededFuture(inserted);
          }
          LOG.info("Issued certificate {} to learner {}", id, learnerId);
          return statements.store(List.of(statement(statementId, actorAgent, inserted.get())), Map.of(), null,
                  credential, XapiVersion.V1_0_3)
              .map(ids -> inserted)
              .recover(e -> {
                LOG.error("Certificate {} issued, but its statement could not be stored", id, e);
                return Future.succeededFuture(inserted);
              });
        })
        .onFailure(e -> LOG.error("Could not issue a certificate to learner {}", learnerId, e));
  }

  /**
   * The statement that records an issue: the holder {@code achieved} the certificate (object: the certificate,
   * id its verification URL), in the context of the course, with the certificate id, fingerprint and dates as
   * extensions.
   */
  private JsonObject statement(UUID statementId, JsonObject holder, CertificateRecord c) {
    JsonObject extensions = new JsonObject()
        .put(EXT + "certificate-id", c.id())
        .put(EXT + "sha256", c.sha256())
        .put(EXT + "issued-on", c.issuedOn().toString());
    if (c.expiresOn() != null) {
      extensions.put(EXT + "expires-on", c.expiresOn().toString());
    }
    if (c.replacesId() != null) {
      extensions.put(EXT + "replaces", c.replacesId());
    }
    return new JsonObject()
        .put("id", statementId.toString())
        .put("actor", holder.copy())
        .put("verb", new JsonObject().put("id", VERB_ACHIEVED).put("display", new JsonObject().put("en-US", "achieved")))
        .put("object", new JsonObject().put("objectType", "Activity").put("id", c.verificationUrl())
            .put("definition", new JsonObject().put("type", TYPE_CERTIFICATE)
                .put("name", new JsonObject().put("es", "Certificado: " + c.courseTitle()))))
        .put("result", new JsonObject().put("success", true).put("completion", true))
        .put("context", new JsonObject()
            .put("contextActivities", new JsonObject().put("parent", new JsonArray()
                .add(new JsonObject().put("objectType", "Activity").put("id", course.id()))))
            .put("language", course.language())
            .put("platform", "Cívica")
            .put("extensions", extensions));
  }

  // ---- reading and verifying

  public Future<Optional<CertificateRecord>> find(String id) {
    if (!CertificateIds.wellFormed(id)) {
      return db.query(dsl -> Optional.empty());  // the same path (and timing) as an unknown well-formed id
    }
    return db.query(dsl -> store.find(dsl, id));
  }

  /** The status of a certificate today, with its record (empty when NOT_FOUND). */
  public Future<Verification> verify(String id) {
    return find(id).map(found -> new Verification(id,
        found.map(c -> c.status(today())).orElse(CertificateStatus.NOT_FOUND), found));
  }

  /**
   * {@link #verify} for the public verify page: the same answer, from {@link #publicRecords} when this server is
   * the database's only writer (embedded database). Why: a verification is one indexed row, but the page must stay
   * fast under many phones at once, and the same certificates are scanned again and again.
   */
  public Future<Verification> verifyPublic(String id) {
    if (publicRecords == null || !CertificateIds.wellFormed(id)) {
      return verify(id);
    }
    Optional<CertificateRecord> known = publicRecords.get(id);
    if (known.isPresent()) {
      return Future.succeededFuture(new Verification(id, known.get().status(today()), known));
    }
    long ticket = publicRecords.ticket();
    return verify(id).onSuccess(v -> v.certificate().ifPresent(c -> publicRecords.put(ticket, c.id(), c)));
  }

  /** The answer of {@link #verify}. */
  public record Verification(String id, CertificateStatus status, Optional<CertificateRecord> certificate) {
    public JsonObject toJson(LocalDate today) {
      return certificate.map(c -> c.publicJson(today))
          .orElseGet(() -> new JsonObject().put("id", id).put("status", status.name()).put("statusText", status.spanish()));
    }
  }

  /**
   * Compares a PDF with the one we issued: {@code identical} when its SHA-256 is the recorded fingerprint.
   * The result also carries the certificate's status (an identical PDF of a revoked certificate is still revoked).
   */
  public Future<FingerprintCheck> compareFingerprint(String id, byte[] pdf) {
    String sha256 = CertificateIssuer.sha256Hex(pdf);
    return verify(id).map(v -> new FingerprintCheck(v, v.certificate().map(c ->
        MessageDigest.isEqual(c.sha256().getBytes(), sha256.getBytes())).orElse(false), sha256));
  }

  /** The answer of {@link #compareFingerprint}. */
  public record FingerprintCheck(Verification verification, boolean identical, String sha256) {
  }

  /** The learner's certificates, newest first. */
  public Future<List<CertificateRecord>> listByLearner(UUID learnerId) {
    return db.query(dsl -> store.byLearner(dsl, learnerId));
  }

  /**
   * Certificates of an organisation (null: every one), newest first; {@code search} (optional) matches the holder's
   * name (contains, any case) or the start of the id.
   */
  public Future<List<CertificateRecord>> listByOrganisation(String organisation, String search, int limit, int offset) {
    int l = Math.max(1, Math.min(limit, MAX_LIST));
    int o = Math.max(0, offset);
    return db.query(dsl -> store.list(dsl, organisation, search, l, o));
  }

  /** The PDF exactly as issued (its SHA-256 is the recorded fingerprint), with its holder's account. */
  public Future<Optional<IssuedPdf>> pdf(String id) {
    if (!CertificateIds.wellFormed(id)) {
      return Future.succeededFuture(Optional.empty());
    }
    return db.query(dsl -> store.pdf(dsl, id).map(p -> new IssuedPdf(p.id(), p.learnerId(), p.bytes())));
  }

  /** A certificate's PDF and its holder. */
  public record IssuedPdf(String id, UUID learnerId, byte[] bytes) {
  }

  /** The signed credential (Open Badges 3.0) as issued. */
  public Future<Optional<String>> credential(String id) {
    return db.query(dsl -> store.credential(dsl, id));
  }

  // ---- revocation and audit

  /**
   * Revokes a certificate for a reason, recorded in the audit log with the actor.
   *
   * @return the revoked record; fails with {@link CertificateException} 404 (unknown) or 409 (already revoked)
   */
  public Future<CertificateRecord> revoke(String id, String reason, String actor) {
    if (reason == null || reason.isBlank() || actor == null || actor.isBlank()) {
      return Future.failedFuture(new CertificateException(400, "A reason and an actor are required"));
    }
    String why = reason.strip();
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    changing(id);
    return db.transaction(dsl -> {
      if (store.find(dsl, id).isEmpty()) {
        throw CertificateException.notFound();
      }
      if (!store.revoke(dsl, id, why, actor, now)) {
        throw CertificateException.conflict("Already revoked");
      }
      store.audit(dsl, now, actor, "revoked", id, new JsonObject().put("reason", why));
      return store.find(dsl, id).orElseThrow();
    }).onComplete(r -> changing(id));
  }

  /** Tells the public record cache that a certificate is changing (see {@link SingleWriterCache#changed}). */
  private void changing(String id) {
    if (publicRecords != null) {
      publicRecords.changed(List.of(id));
    }
  }

  /** The audit log, newest first (of one certificate when {@code certificateId} is not null), before an entry id. */
  public Future<List<AuditEntry>> audit(String certificateId, long beforeId, int limit) {
    int l = Math.max(1, Math.min(limit, MAX_LIST));
    return db.query(dsl -> store.audit(dsl, certificateId, beforeId <= 0 ? Long.MAX_VALUE : beforeId, l));
  }

  // ---- issuer

  /** The document served at {@code /.well-known/civica-issuer.json}. */
  public String issuerDocument() {
    return issuerDocument;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /** Runs one step per item, one after the other (so a burst of learners does not flood the pools). */
  private static <T, R> Future<List<R>> sequentially(List<T> items, java.util.function.Function<T, Future<R>> step) {
    Future<List<R>> chain = Future.succeededFuture(new ArrayList<>());
    for (T item : items) {
      chain = chain.compose(results -> step.apply(item).map(r -> {
        results.add(r);
        return results;
      }));
    }
    return chain;
  }


}
