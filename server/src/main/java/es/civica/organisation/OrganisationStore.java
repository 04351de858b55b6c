package es.civica.organisation;

import static es.civica.db.generated.Tables.ORGANISATION;
import static es.civica.db.generated.Tables.ORGANISATION_DOMAIN;
import static es.civica.db.generated.Tables.STAFF_SCOPE;

import es.civica.db.generated.Routines;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The organisation directory in PostgreSQL, and the one rule that gives a learner's organisation (SQL functions of
 * V52__organisations.sql: {@code learner_organisation}, {@code actor_organisation}). Blocking: call through the
 * DatabaseWorker.
 */
public final class OrganisationStore {
  /** An organisation id and an e-mail domain look alike: lowercase letters, digits, dots and hyphens. */
  public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9.-]{0,189}$");
  /** A domain has at least one dot. */
  public static final Pattern DOMAIN = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");
  public static final int MAX_NAME = 200;
  public static final int MAX_DOMAINS = 50;

  /** Why a directory change is refused (the message goes back to the admin as a 400 or 409). */
  public static final class Refused extends RuntimeException {
    private final int status;

    public Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  public List<Organisation> list(DSLContext dsl) {
    List<Organisation> out = new ArrayList<>();
    dsl.selectFrom(ORGANISATION).orderBy(Routines.organisationKey(ORGANISATION.NAME)).fetch()
        .forEach(r -> out.add(new Organisation(r.getId(), r.getName(), domains(dsl, r.getId()))));
    return out;
  }

  public Optional<Organisation> find(DSLContext dsl, String id) {
    return dsl.selectFrom(ORGANISATION).where(ORGANISATION.ID.eq(id)).fetchOptional()
        .map(r -> new Organisation(r.getId(), r.getName(), domains(dsl, r.getId())));
  }

  /** Every organisation's name by its id, in one query (what staff read beside an id). */
  public Map<String, String> namesById(DSLContext dsl) {
    return dsl.select(ORGANISATION.ID, ORGANISATION.NAME).from(ORGANISATION).fetchMap(ORGANISATION.ID, ORGANISATION.NAME);
  }

  /** The names learners may pick from (admin-defined data only). */
  public List<String> names(DSLContext dsl) {
    return dsl.select(ORGANISATION.NAME).from(ORGANISATION).orderBy(Routines.organisationKey(ORGANISATION.NAME))
        .fetch(ORGANISATION.NAME);
  }

  /**
   * Creates an organisation, then applies the rule again to what was recorded (see {@link #reresolve}). Staff
   * scopes written as one of its domains before it existed now name it. Fails with {@link Refused}.
   */
  public Organisation create(DSLContext dsl, String id, String name, Collection<String> domains) {
    checkName(dsl, id, name);
    OffsetDateTime now = now();
    int inserted = dsl.insertInto(ORGANISATION).set(ORGANISATION.ID, id).set(ORGANISATION.NAME, name)
        .set(ORGANISATION.CREATED, now).set(ORGANISATION.UPDATED, now).onConflict(ORGANISATION.ID).doNothing()
        .execute();
    if (inserted == 0) {
      throw new Refused(409, "An organisation " + id + " exists already");
    }
    setDomains(dsl, id, domains);
    reresolve(dsl);
    return find(dsl, id).orElseThrow();
  }

  /** Renames and / or replaces the domains (null: unchanged); empty when there is no such organisation. */
  public Optional<Organisation> update(DSLContext dsl, String id, String name, Collection<String> domains) {
    if (dsl.selectFrom(ORGANISATION).where(ORGANISATION.ID.eq(id)).forUpdate().fetchOptional().isEmpty()) {
      return Optional.empty();
    }
    if (name != null) {
      checkName(dsl, id, name);
      dsl.update(ORGANISATION).set(ORGANISATION.NAME, name).set(ORGANISATION.UPDATED, now())
          .where(ORGANISATION.ID.eq(id)).execute();
    }
    if (domains != null) {
      dsl.deleteFrom(ORGANISATION_DOMAIN).where(ORGANISATION_DOMAIN.ORGANISATION_ID.eq(id)).execute();
      setDomains(dsl, id, domains);
      dsl.update(ORGANISATION).set(ORGANISATION.UPDATED, now()).where(ORGANISATION.ID.eq(id)).execute();
    }
    reresolve(dsl);
    return find(dsl, id);
  }

  /**
   * What a desk scope names: a directory organisation's id, or the id of the organisation that lists a domain, or a
   * bare e-mail domain outside the directory (learners the directory does not place keep their e-mail domain);
   * empty when it is neither.
   */
  public Optional<String> scopeValue(DSLContext dsl, String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (dsl.fetchExists(ORGANISATION, ORGANISATION.ID.eq(v))) {
      return Optional.of(v);
    }
    Optional<String> owner = dsl.select(ORGANISATION_DOMAIN.ORGANISATION_ID).from(ORGANISATION_DOMAIN)
        .where(ORGANISATION_DOMAIN.DOMAIN.eq(v)).fetchOptional(ORGANISATION_DOMAIN.ORGANISATION_ID);
    if (owner.isPresent()) {
      return owner;
    }
    return DOMAIN.matcher(v).matches() ? Optional.of(v) : Optional.empty();
  }

  /** The directory organisation a value names: its id, one of its domains, or its name (as the rule compares). */
  public Optional<String> directoryId(DSLContext dsl, String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return dsl.select(ORGANISATION.ID).from(ORGANISATION)
        .where(ORGANISATION.ID.eq(v)
            .or(ORGANISATION.ID.in(DSL.select(ORGANISATION_DOMAIN.ORGANISATION_ID).from(ORGANISATION_DOMAIN)
                .where(ORGANISATION_DOMAIN.DOMAIN.eq(v))))
            .or(Routines.organisationKey(ORGANISATION.NAME).eq(Routines.organisationKey(DSL.val(value)))))
        .orderBy(DSL.field(ORGANISATION.ID.eq(v)).desc()).limit(1).fetchOptional(ORGANISATION.ID);
  }

  /**
   * The organisation of a learner account by the rule (V52: {@code learner_organisation}); {@code email} null: the
   * account's. Null when nothing places them.
   */
  public String learnerOrganisation(DSLContext dsl, UUID learner, String email) {
    return dsl.select(Routines.learnerOrganisation(DSL.val(learner), DSL.val(email))).fetchOne().value1();
  }

  /** The directory's name of an organisation id, or the id itself when the directory does not hold it. */
  public String displayName(DSLContext dsl, String id) {
    return id == null ? null : dsl.select(ORGANISATION.NAME).from(ORGANISATION).where(ORGANISATION.ID.eq(id))
        .fetchOptional(ORGANISATION.NAME).orElse(id);
  }

  /**
   * Applies the rule again to the completion feed and the certificates (V52: {@code reresolve_organisations}); in
   * the caller's transaction, after each change to the directory or to an LMS registration's organisation.
   */
  public int reresolve(DSLContext dsl) {
    Integer changed = dsl.select(Routines.reresolveOrganisations()).fetchOne().value1();
    return changed == null ? 0 : changed;
  }

  private void checkName(DSLContext dsl, String id, String name) {
    boolean taken = dsl.fetchExists(ORGANISATION, Routines.organisationKey(ORGANISATION.NAME)
        .eq(Routines.organisationKey(DSL.val(name))).and(ORGANISATION.ID.ne(id)));
    if (taken) {
      throw new Refused(409, "Another organisation is already called " + name);
    }
  }

  private void setDomains(DSLContext dsl, String id, Collection<String> domains) {
    for (String d : new TreeSet<>(domains)) {
      // ON CONFLICT: of two admins claiming a domain at once, the second waits for the first and is refused
      int inserted = dsl.insertInto(ORGANISATION_DOMAIN).set(ORGANISATION_DOMAIN.DOMAIN, d)
          .set(ORGANISATION_DOMAIN.ORGANISATION_ID, id).onConflictDoNothing().execute();
      if (inserted == 0) {
        String owner = dsl.select(ORGANISATION_DOMAIN.ORGANISATION_ID).from(ORGANISATION_DOMAIN)
            .where(ORGANISATION_DOMAIN.DOMAIN.eq(d)).fetchOne(ORGANISATION_DOMAIN.ORGANISATION_ID);
        throw new Refused(409, "The domain " + d + " belongs to the organisation " + owner);
      }
      if (d.equals(id)) {
        continue;
      }
      // a scope written as this domain before it joined the organisation now names the organisation
      dsl.update(STAFF_SCOPE).set(STAFF_SCOPE.VALUE, id)
          .where(STAFF_SCOPE.KIND.eq("organisation").and(STAFF_SCOPE.VALUE.eq(d))
              .andNotExists(DSL.selectOne().from(STAFF_SCOPE.as("s2"))
                  .where(STAFF_SCOPE.as("s2").STAFF_ID.eq(STAFF_SCOPE.STAFF_ID)
                      .and(STAFF_SCOPE.as("s2").KIND.eq("organisation")).and(STAFF_SCOPE.as("s2").VALUE.eq(id)))))
          .execute();
      dsl.deleteFrom(STAFF_SCOPE).where(STAFF_SCOPE.KIND.eq("organisation").and(STAFF_SCOPE.VALUE.eq(d))).execute();
    }
  }

  private static List<String> domains(DSLContext dsl, String id) {
    return dsl.select(ORGANISATION_DOMAIN.DOMAIN).from(ORGANISATION_DOMAIN)
        .where(ORGANISATION_DOMAIN.ORGANISATION_ID.eq(id)).orderBy(ORGANISATION_DOMAIN.DOMAIN)
        .fetch(ORGANISATION_DOMAIN.DOMAIN);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
