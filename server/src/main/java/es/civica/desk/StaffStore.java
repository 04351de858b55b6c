package es.civica.desk;

import static es.civica.db.generated.Tables.STAFF_ACCOUNT;
import static es.civica.db.generated.Tables.STAFF_SCOPE;
import static es.civica.db.generated.Tables.STAFF_SESSION;

import es.civica.db.generated.tables.records.StaffAccountRecord;
import es.civica.xapi.auth.SecretHasher;
import org.jooq.DSLContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Staff accounts, scopes and sessions in PostgreSQL. Blocking: call through the DatabaseWorker. */
public final class StaffStore {
  /** Failed sign-ins in a row that lock an account, and for how long. */
  public static final int MAX_FAILURES = 5;
  public static final Duration LOCK = Duration.ofMinutes(15);
  public static final Duration SESSION_LIFETIME = Duration.ofHours(8);
  /** Compared against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password. */
  private static final String DUMMY_HASH = SecretHasher.hash(SecretHasher.randomToken(16));

  /** Outcome of a sign-in. */
  public sealed interface SignIn {
    record Ok(Staff staff, String token, String csrf) implements SignIn {
    }

    record Wrong() implements SignIn {
    }

    record Locked(OffsetDateTime until) implements SignIn {
    }
  }

  /** A session: the account and its CSRF synchronizer token. */
  public record Session(Staff staff, String csrf) {
  }

  public Staff create(DSLContext dsl, String email, String name, Staff.Role role, String password,
                      Set<String> organisations, Set<String> units) {
    long id = dsl.insertInto(STAFF_ACCOUNT)
        .set(STAFF_ACCOUNT.EMAIL, normal(email))
        .set(STAFF_ACCOUNT.DISPLAY_NAME, name)
        .set(STAFF_ACCOUNT.ROLE, role.text())
        .set(STAFF_ACCOUNT.PASSWORD_HASH, SecretHasher.hash(password))
        .set(STAFF_ACCOUNT.CREATED, now())
        .returning(STAFF_ACCOUNT.ID).fetchOne().getId();
    for (String o : organisations) {
      dsl.insertInto(STAFF_SCOPE).set(STAFF_SCOPE.STAFF_ID, id).set(STAFF_SCOPE.KIND, "organisation")
          .set(STAFF_SCOPE.VALUE, o.toLowerCase(Locale.ROOT)).onConflictDoNothing().execute();
    }
    for (String u : units) {
      dsl.insertInto(STAFF_SCOPE).set(STAFF_SCOPE.STAFF_ID, id).set(STAFF_SCOPE.KIND, "unit")
          .set(STAFF_SCOPE.VALUE, u).onConflictDoNothing().execute();
    }
    return find(dsl, id).orElseThrow();
  }

  public boolean emailTaken(DSLContext dsl, String email) {
    return dsl.fetchExists(STAFF_ACCOUNT, STAFF_ACCOUNT.EMAIL.eq(normal(email)));
  }

  public boolean anyAdmin(DSLContext dsl) {
    return dsl.fetchExists(STAFF_ACCOUNT, STAFF_ACCOUNT.ROLE.eq("admin").and(STAFF_ACCOUNT.DISABLED_AT.isNull()));
  }

  public Optional<Staff> find(DSLContext dsl, long id) {
    return dsl.selectFrom(STAFF_ACCOUNT).where(STAFF_ACCOUNT.ID.eq(id)).fetchOptional().map(r -> toStaff(dsl, r));
  }

  public List<Staff> list(DSLContext dsl) {
    return dsl.selectFrom(STAFF_ACCOUNT).orderBy(STAFF_ACCOUNT.ID).fetch().map(r -> toStaff(dsl, r));
  }

  /** Disables an account and ends its sessions; true when it was active. */
  public boolean disable(DSLContext dsl, long id) {
    dsl.deleteFrom(STAFF_SESSION).where(STAFF_SESSION.STAFF_ID.eq(id)).execute();
    return dsl.update(STAFF_ACCOUNT).set(STAFF_ACCOUNT.DISABLED_AT, now())
        .where(STAFF_ACCOUNT.ID.eq(id).and(STAFF_ACCOUNT.DISABLED_AT.isNull())).execute() == 1;
  }

  /**
   * Checks a password with the row locked (concurrent guesses count one by one). A locked account refuses even
   * the right password until the lock ends; the fifth failure in a row locks it for {@link #LOCK}.
   */
  public SignIn signIn(DSLContext dsl, String email, String password) {
    StaffAccountRecord r = dsl.selectFrom(STAFF_ACCOUNT).where(STAFF_ACCOUNT.EMAIL.eq(normal(email)))
        .forUpdate().fetchOne();
    if (r == null || r.getDisabledAt() != null) {
      SecretHasher.matches(password, DUMMY_HASH);
      return new SignIn.Wrong();
    }
    OffsetDateTime now = now();
    if (r.getLockedUntil() != null && r.getLockedUntil().isAfter(now)) {
      return new SignIn.Locked(r.getLockedUntil());
    }
    if (!SecretHasher.matches(password, r.getPasswordHash())) {
      int failures = r.getFailedSignins() + 1;
      boolean lock = failures >= MAX_FAILURES;
      dsl.update(STAFF_ACCOUNT)
          .set(STAFF_ACCOUNT.FAILED_SIGNINS, lock ? 0 : failures)
          .set(STAFF_ACCOUNT.LOCKED_UNTIL, lock ? now.plus(LOCK) : r.getLockedUntil())
          .where(STAFF_ACCOUNT.ID.eq(r.getId())).execute();
      return lock ? new SignIn.Locked(now.plus(LOCK)) : new SignIn.Wrong();
    }
    dsl.update(STAFF_ACCOUNT).set(STAFF_ACCOUNT.FAILED_SIGNINS, 0).setNull(STAFF_ACCOUNT.LOCKED_UNTIL)
        .where(STAFF_ACCOUNT.ID.eq(r.getId())).execute();
    String token = SecretHasher.randomToken(32);
    String csrf = SecretHasher.randomToken(32);
    dsl.insertInto(STAFF_SESSION)
        .set(STAFF_SESSION.TOKEN_HASH, sha256(token))
        .set(STAFF_SESSION.STAFF_ID, r.getId())
        .set(STAFF_SESSION.CSRF_TOKEN, csrf)
        .set(STAFF_SESSION.CREATED, now)
        .set(STAFF_SESSION.EXPIRES, now.plus(SESSION_LIFETIME))
        .execute();
    return new SignIn.Ok(toStaff(dsl, r), token, csrf);
  }

  public Optional<Session> session(DSLContext dsl, String token) {
    return dsl.select(STAFF_SESSION.STAFF_ID, STAFF_SESSION.CSRF_TOKEN).from(STAFF_SESSION)
        .join(STAFF_ACCOUNT).on(STAFF_ACCOUNT.ID.eq(STAFF_SESSION.STAFF_ID))
        .where(STAFF_SESSION.TOKEN_HASH.eq(sha256(token)).and(STAFF_SESSION.EXPIRES.gt(now()))
            .and(STAFF_ACCOUNT.DISABLED_AT.isNull()))
        .fetchOptional()
        .flatMap(r -> find(dsl, r.value1()).map(s -> new Session(s, r.value2())));
  }

  public void closeSession(DSLContext dsl, String token) {
    dsl.deleteFrom(STAFF_SESSION).where(STAFF_SESSION.TOKEN_HASH.eq(sha256(token))).execute();
  }

  private static Staff toStaff(DSLContext dsl, StaffAccountRecord r) {
    Set<String> orgs = new HashSet<>();
    Set<String> units = new HashSet<>();
    dsl.selectFrom(STAFF_SCOPE).where(STAFF_SCOPE.STAFF_ID.eq(r.getId())).forEach(s ->
        (s.getKind().equals("organisation") ? orgs : units).add(s.getValue()));
    return new Staff(r.getId(), r.getEmail(), r.getDisplayName(), Staff.Role.parse(r.getRole()), Set.copyOf(orgs),
        Set.copyOf(units), r.getDisabledAt() != null);
  }

  static String normal(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
