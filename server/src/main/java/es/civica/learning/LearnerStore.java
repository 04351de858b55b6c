package es.civica.learning;

import static es.civica.db.generated.Tables.ENROLMENT;
import static es.civica.db.generated.Tables.LEARNER_ACCOUNT;
import static es.civica.db.generated.Tables.LEARNER_SESSION;

import es.civica.db.generated.tables.records.EnrolmentRecord;
import es.civica.xapi.auth.SecretHasher;
import io.vertx.core.json.JsonObject;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Learner accounts, browser sessions and enrolments in PostgreSQL. Blocking: call through the DatabaseWorker. */
public final class LearnerStore {
  public static final Duration SESSION_LIFETIME = Duration.ofDays(7);
  /** A password hash to compare against when the email is unknown, so both cases take the same time. */
  private static final String DUMMY_HASH = SecretHasher.hash("not-a-password");

  /** An enrolment: the xAPI registration of one learner in one unit, and where they were reading. */
  public record Enrolment(UUID learner, int unit, UUID registration, JsonObject resume, boolean created) {
  }

  /** Creates an account; empty when the email is taken. */
  public Optional<Learner> register(DSLContext dsl, String email, String name, String password) {
    String normalised = email.strip().toLowerCase(Locale.ROOT);
    UUID id = UUID.randomUUID();
    int inserted = dsl.insertInto(LEARNER_ACCOUNT)
        .set(LEARNER_ACCOUNT.ID, id)
        .set(LEARNER_ACCOUNT.EMAIL, normalised)
        .set(LEARNER_ACCOUNT.DISPLAY_NAME, name.strip())
        .set(LEARNER_ACCOUNT.PASSWORD_HASH, SecretHasher.hash(password))
        .set(LEARNER_ACCOUNT.CREATED, now())
        .onConflict(LEARNER_ACCOUNT.EMAIL).doNothing()
        .execute();
    return inserted == 1 ? Optional.of(new Learner(id, normalised, name.strip())) : Optional.empty();
  }

  /** The learner whose email and password these are. */
  public Optional<Learner> authenticate(DSLContext dsl, String email, String password) {
    var row = dsl.selectFrom(LEARNER_ACCOUNT)
        .where(LEARNER_ACCOUNT.EMAIL.eq(email.strip().toLowerCase(Locale.ROOT))).fetchOne();
    if (row == null) {
      SecretHasher.matches(password, DUMMY_HASH);
      return Optional.empty();
    }
    if (!SecretHasher.matches(password, row.getPasswordHash())) {
      return Optional.empty();
    }
    return Optional.of(new Learner(row.getId(), row.getEmail(), row.getDisplayName()));
  }

  /** Opens a session and returns the token for the cookie (only its hash is stored). */
  public String openSession(DSLContext dsl, UUID learner) {
    return openSession(dsl, learner, SESSION_LIFETIME);
  }

  /** Opens a session of the given lifetime (an LMS frame session is shorter than a web one). */
  public String openSession(DSLContext dsl, UUID learner, Duration lifetime) {
    String token = SecretHasher.randomToken(32);
    dsl.insertInto(LEARNER_SESSION)
        .set(LEARNER_SESSION.TOKEN_HASH, sha256(token))
        .set(LEARNER_SESSION.LEARNER_ID, learner)
        .set(LEARNER_SESSION.CREATED, now())
        .set(LEARNER_SESSION.EXPIRES, now().plus(lifetime))
        .execute();
    return token;
  }

  public Optional<Learner> sessionLearner(DSLContext dsl, String token) {
    return dsl.select(LEARNER_ACCOUNT.ID, LEARNER_ACCOUNT.EMAIL, LEARNER_ACCOUNT.DISPLAY_NAME,
            LEARNER_ACCOUNT.AGENT_HOME_PAGE, LEARNER_ACCOUNT.AGENT_NAME)
        .from(LEARNER_SESSION).join(LEARNER_ACCOUNT).on(LEARNER_ACCOUNT.ID.eq(LEARNER_SESSION.LEARNER_ID))
        .where(LEARNER_SESSION.TOKEN_HASH.eq(sha256(token)).and(LEARNER_SESSION.EXPIRES.gt(now())))
        .fetchOptional(r -> new Learner(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }

  public void closeSession(DSLContext dsl, String token) {
    dsl.deleteFrom(LEARNER_SESSION).where(LEARNER_SESSION.TOKEN_HASH.eq(sha256(token))).execute();
  }

  /** The learner's enrolment in a unit, created (with a fresh registration) on first use. */
  public Enrolment enrol(DSLContext dsl, UUID learner, int unit) {
    int inserted = dsl.insertInto(ENROLMENT)
        .set(ENROLMENT.LEARNER_ID, learner)
        .set(ENROLMENT.UNIT_NUMBER, unit)
        .set(ENROLMENT.REGISTRATION, UUID.randomUUID())
        .set(ENROLMENT.CREATED, now())
        .onConflictDoNothing()
        .execute();
    EnrolmentRecord r = dsl.selectFrom(ENROLMENT)
        .where(ENROLMENT.LEARNER_ID.eq(learner).and(ENROLMENT.UNIT_NUMBER.eq(unit))).fetchOne();
    return new Enrolment(learner, unit, r.getRegistration(), new JsonObject(r.getResume().data()), inserted == 1);
  }

  /** Locks the enrolment row for the rest of the transaction (serialises attempts of one learner in one unit). */
  public Enrolment enrolAndLock(DSLContext dsl, UUID learner, int unit) {
    enrol(dsl, learner, unit);
    EnrolmentRecord r = dsl.selectFrom(ENROLMENT)
        .where(ENROLMENT.LEARNER_ID.eq(learner).and(ENROLMENT.UNIT_NUMBER.eq(unit))).forUpdate().fetchOne();
    return new Enrolment(learner, unit, r.getRegistration(), new JsonObject(r.getResume().data()), false);
  }

  public void saveResume(DSLContext dsl, UUID learner, int unit, JsonObject resume) {
    dsl.update(ENROLMENT).set(ENROLMENT.RESUME, JSONB.valueOf(resume.encode()))
        .where(ENROLMENT.LEARNER_ID.eq(learner).and(ENROLMENT.UNIT_NUMBER.eq(unit))).execute();
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** Hex SHA-256 of a session token: what {@code learner_session.token_hash} holds. */
  public static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
