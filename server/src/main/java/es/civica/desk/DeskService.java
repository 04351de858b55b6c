package es.civica.desk;

import static es.civica.db.generated.Tables.LRS_CREDENTIAL;
import static es.civica.db.generated.Tables.SCHOOL_CREDENTIAL;

import es.civica.db.DatabaseWorker;
import es.civica.organisation.Organisation;
import es.civica.organisation.OrganisationStore;
import es.civica.xapi.auth.Credential;
import es.civica.xapi.auth.CredentialAuthenticator;
import es.civica.xapi.auth.CredentialStore;
import es.civica.xapi.auth.Scope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the desks do: staff accounts, sign-in, the school's own LRS credentials, the completion feed and report.
 * Every change is written to the audit log in the same transaction.
 */
public final class DeskService {
  /** Label prefix of the LRS credentials created from the school desk. */
  public static final String CREDENTIAL_PREFIX = "desk:";

  private final DatabaseWorker db;
  private final StaffStore staff = new StaffStore();
  private final AuditLog audit = new AuditLog();
  private final CompletionFeed feed = new CompletionFeed();
  private final Analytics analytics = new Analytics();
  private final OrganisationStore directory = new OrganisationStore();
  private final CredentialStore credentials;
  private final CredentialAuthenticator authenticator;

  public DeskService(DatabaseWorker db, CredentialStore credentials, CredentialAuthenticator authenticator) {
    this.db = db;
    this.credentials = credentials;
    this.authenticator = authenticator;
  }

  /**
   * A new account; empty when the e-mail is taken. Each organisation of the scope is a directory id, or a domain
   * (stored as the id of the directory organisation that lists it, else as the bare domain); anything else fails
   * with {@link OrganisationStore.Refused} (400).
   */
  public Future<Optional<Staff>> createStaff(AuditLog.Actor actor, String email, String name, Staff.Role role,
                                             String password, Set<String> organisations, Set<String> units) {
    return db.transaction(dsl -> {
      Set<String> scope = new LinkedHashSet<>();
      for (String o : organisations) {
        scope.add(directory.scopeValue(dsl, o).orElseThrow(() -> new OrganisationStore.Refused(400,
            "Unknown organisation " + o + ": give the id of a directory organisation (GET /desk/api/organisations) "
                + "or an e-mail domain such as ayto-ejemplo.es")));
      }
      if (staff.emailTaken(dsl, email)) {
        return Optional.<Staff>empty();
      }
      Staff created = staff.create(dsl, email, name, role, password, scope, units);
      audit.record(dsl, actor, "staff.create", created.email(), created.toJson().copy().put("id", created.id()));
      return Optional.of(created);
    });
  }

  public Future<List<Staff>> listStaff() {
    return db.query(staff::list);
  }

  public Future<Boolean> disableStaff(AuditLog.Actor actor, long id) {
    return db.transaction(dsl -> {
      Optional<Staff> target = staff.find(dsl, id);
      boolean done = target.isPresent() && staff.disable(dsl, id);
      if (done) {
        audit.record(dsl, actor, "staff.disable", target.get().email(), new JsonObject().put("id", id));
      }
      return done;
    });
  }

  public Future<StaffStore.SignIn> signIn(String email, String password, String clientIp) {
    return db.transaction(dsl -> {
      StaffStore.SignIn result = staff.signIn(dsl, email, password);
      String who = StaffStore.normal(email);
      if (result instanceof StaffStore.SignIn.Ok ok) {
        audit.record(dsl, new AuditLog.Actor(ok.staff().id(), ok.staff().email(), clientIp), "signin",
            ok.staff().email(), new JsonObject());
      } else if (result instanceof StaffStore.SignIn.Locked l) {
        audit.record(dsl, new AuditLog.Actor(null, who, clientIp), "signin.locked", who,
            new JsonObject().put("until", l.until().toString()));
      } else {
        audit.record(dsl, new AuditLog.Actor(null, who, clientIp), "signin.failed", who, new JsonObject());
      }
      return result;
    });
  }

  public Future<Optional<StaffStore.Session>> session(String token) {
    return db.query(dsl -> staff.session(dsl, token));
  }

  public Future<Void> signOut(AuditLog.Actor actor, String token) {
    return db.transaction(dsl -> {
      staff.closeSession(dsl, token);
      audit.record(dsl, actor, "signout", actor.email(), new JsonObject());
      return null;
    });
  }

  public Future<Void> record(AuditLog.Actor actor, String action, String target, JsonObject details) {
    return db.transaction(dsl -> {
      audit.record(dsl, actor, action, target, details);
      return null;
    });
  }

  public Future<List<AuditLog.Entry>> audit(OffsetDateTime from, OffsetDateTime to, int limit) {
    return db.query(dsl -> audit.list(dsl, from, to, limit));
  }

  // ---- the organisation directory (admin)

  public Future<List<Organisation>> organisations() {
    return db.query(directory::list);
  }

  /** The directory's names by organisation id. */
  public Future<Map<String, String>> organisationNames() {
    return db.query(directory::namesById);
  }

  /** Creates an organisation (fails with {@link OrganisationStore.Refused}: 409 id, name or domain taken). */
  public Future<Organisation> createOrganisation(AuditLog.Actor actor, String id, String name,
                                                 Collection<String> domains) {
    return db.transaction(dsl -> {
      Organisation created = directory.create(dsl, id, name, domains);
      audit.record(dsl, actor, "organisation.create", created.id(), created.toJson());
      return created;
    });
  }

  /** Renames and / or replaces the domains (null: unchanged); empty when unknown. */
  public Future<Optional<Organisation>> updateOrganisation(AuditLog.Actor actor, String id, String name,
                                                           Collection<String> domains) {
    return db.transaction(dsl -> {
      Optional<Organisation> before = directory.find(dsl, id);
      Optional<Organisation> after = directory.update(dsl, id, name, domains);
      after.ifPresent(o -> audit.record(dsl, actor, "organisation.update", o.id(),
          new JsonObject().put("before", before.orElseThrow().toJson()).put("after", o.toJson())));
      return after;
    });
  }

  // ---- the school's own LRS credentials

  /** The credentials a school created (active and revoked). */
  public Future<List<Credential>> credentials(Staff school) {
    return db.query(dsl -> {
      List<Long> ids = dsl.select(SCHOOL_CREDENTIAL.CREDENTIAL_ID).from(SCHOOL_CREDENTIAL)
          .where(SCHOOL_CREDENTIAL.STAFF_ID.eq(school.id())).fetch(r -> r.value1());
      return credentials.list(dsl).stream().filter(c -> ids.contains(c.id())).toList();
    });
  }

  /**
   * A new credential for the school. Its LRS scope is {@code statements/read/mine}: read-only, and through
   * {@code /xapi} it sees only statements it wrote (none); what the school may see it reads from the feed, which
   * filters by the school's units and organisations.
   */
  public Future<CredentialStore.Issued> createCredential(AuditLog.Actor actor, Staff school, String label) {
    return db.transaction(dsl -> {
      CredentialStore.Issued issued = issue(dsl, school, label);
      audit.record(dsl, actor, "credential.create", issued.credential().apiKey(),
          new JsonObject().put("id", issued.credential().id()).put("label", issued.credential().label()));
      return issued;
    });
  }

  /** Revokes one of the school's credentials and issues a new one with the same label; empty if not theirs. */
  public Future<Optional<CredentialStore.Issued>> rotateCredential(AuditLog.Actor actor, Staff school, long id) {
    return db.transaction(dsl -> {
      Optional<Credential> old = own(dsl, school, id).filter(Credential::active);
      if (old.isEmpty()) {
        return Optional.<CredentialStore.Issued>empty();
      }
      credentials.revoke(dsl, id);
      String label = old.get().label().substring(old.get().label().indexOf(' ') + 1);
      CredentialStore.Issued issued = issue(dsl, school, label);
      audit.record(dsl, actor, "credential.rotate", issued.credential().apiKey(),
          new JsonObject().put("old", id).put("new", issued.credential().id()));
      return Optional.of(issued);
    }).onSuccess(r -> r.ifPresent(i -> forgetRevoked(id)));
  }

  public Future<Boolean> revokeCredential(AuditLog.Actor actor, Staff school, long id) {
    return db.transaction(dsl -> {
      Optional<Credential> c = own(dsl, school, id);
      boolean done = c.isPresent() && credentials.revoke(dsl, id);
      if (done) {
        audit.record(dsl, actor, "credential.revoke", c.get().apiKey(), new JsonObject().put("id", id));
      }
      return done;
    }).onSuccess(done -> forgetRevoked(id));
  }

  /** The school account owning an LRS credential (for the feed, authenticated by HTTP Basic). */
  public Future<Optional<Staff>> credentialOwner(Credential credential) {
    return db.query(dsl -> dsl.select(SCHOOL_CREDENTIAL.STAFF_ID).from(SCHOOL_CREDENTIAL)
        .where(SCHOOL_CREDENTIAL.CREDENTIAL_ID.eq(credential.id())).fetchOptional(r -> r.value1())
        .flatMap(staffId -> staff.find(dsl, staffId)).filter(s -> !s.disabled()));
  }

  public Future<CompletionFeed.Page> feed(Staff who, long afterSeq, int limit) {
    return db.query(dsl -> feed.after(dsl, afterSeq, limit, who));
  }

  public Future<List<CompletionFeed.Line>> report(Staff who, OffsetDateTime from, OffsetDateTime to) {
    return db.query(dsl -> feed.report(dsl, from, to, who));
  }

  public Future<JsonObject> itemAnalysis(es.civica.content.Unit unit, Staff who) {
    return db.query(dsl -> analytics.items(dsl, unit, who));
  }

  public Future<JsonObject> scenarioDecisions(es.civica.content.Unit unit, Staff who) {
    return db.query(dsl -> analytics.scenarios(dsl, unit, who));
  }

  private CredentialStore.Issued issue(org.jooq.DSLContext dsl, Staff school, String label) {
    CredentialStore.Issued issued = credentials.create(dsl, CREDENTIAL_PREFIX + school.email() + " " + label,
        EnumSet.of(Scope.STATEMENTS_READ_MINE));
    dsl.insertInto(SCHOOL_CREDENTIAL).set(SCHOOL_CREDENTIAL.CREDENTIAL_ID, issued.credential().id())
        .set(SCHOOL_CREDENTIAL.STAFF_ID, school.id()).execute();
    return issued;
  }

  private Optional<Credential> own(org.jooq.DSLContext dsl, Staff school, long id) {
    boolean mine = dsl.fetchExists(SCHOOL_CREDENTIAL,
        SCHOOL_CREDENTIAL.CREDENTIAL_ID.eq(id).and(SCHOOL_CREDENTIAL.STAFF_ID.eq(school.id())));
    return mine ? credentials.find(dsl, id) : Optional.empty();
  }

  private void forgetRevoked(long id) {
    db.query(dsl -> dsl.select(LRS_CREDENTIAL.API_KEY).from(LRS_CREDENTIAL).where(LRS_CREDENTIAL.ID.eq(id))
        .fetchOptional(r -> r.value1())).onSuccess(key -> key.ifPresent(authenticator::forget));
  }

  static JsonArray json(List<Staff> list) {
    return new JsonArray(list.stream().map(Staff::toJson).toList());
  }
}
