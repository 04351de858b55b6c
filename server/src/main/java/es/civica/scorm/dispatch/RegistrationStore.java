package es.civica.scorm.dispatch;

import static es.civica.db.generated.Tables.LEARNER_ACCOUNT;
import static es.civica.db.generated.Tables.LMS_REGISTRATION;
import static es.civica.db.generated.Tables.LMS_SEAT;

import es.civica.db.generated.tables.records.LmsRegistrationRecord;
import es.civica.learning.Learner;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Dispatch registrations, their seats and the LMS learners, in PostgreSQL. Blocking: call through the DatabaseWorker. */
public final class RegistrationStore {

  /** What an admin gives to create or change a registration; organisation: a directory id, or null. */
  public record Fields(String name, String origin, String baseUrl, Integer seatCap, OffsetDateTime expires,
                       String organisation) {
  }

  /** Creates a registration; empty when the id is taken. */
  public Optional<LmsRegistration> create(DSLContext dsl, String id, Fields f) {
    int inserted = dsl.insertInto(LMS_REGISTRATION)
        .set(LMS_REGISTRATION.ID, id)
        .set(LMS_REGISTRATION.NAME, f.name())
        .set(LMS_REGISTRATION.ORIGIN, f.origin())
        .set(LMS_REGISTRATION.BASE_URL, f.baseUrl())
        .set(LMS_REGISTRATION.SEAT_CAP, f.seatCap())
        .set(LMS_REGISTRATION.EXPIRES, f.expires())
        .set(LMS_REGISTRATION.ORGANISATION_ID, f.organisation())
        .set(LMS_REGISTRATION.CREATED, now())
        .onConflictDoNothing()
        .execute();
    return inserted == 1 ? find(dsl, id) : Optional.empty();
  }

  public Optional<LmsRegistration> update(DSLContext dsl, String id, Fields f) {
    dsl.update(LMS_REGISTRATION)
        .set(LMS_REGISTRATION.NAME, f.name())
        .set(LMS_REGISTRATION.ORIGIN, f.origin())
        .set(LMS_REGISTRATION.BASE_URL, f.baseUrl())
        .set(LMS_REGISTRATION.SEAT_CAP, f.seatCap())
        .set(LMS_REGISTRATION.EXPIRES, f.expires())
        .set(LMS_REGISTRATION.ORGANISATION_ID, f.organisation())
        .where(LMS_REGISTRATION.ID.eq(id))
        .execute();
    return find(dsl, id);
  }

  /** Revokes (launches refused from now on); false when already revoked or unknown. */
  public boolean revoke(DSLContext dsl, String id) {
    return dsl.update(LMS_REGISTRATION).set(LMS_REGISTRATION.REVOKED, now())
        .where(LMS_REGISTRATION.ID.eq(id).and(LMS_REGISTRATION.REVOKED.isNull())).execute() == 1;
  }

  public Optional<LmsRegistration> find(DSLContext dsl, String id) {
    return dsl.selectFrom(LMS_REGISTRATION).where(LMS_REGISTRATION.ID.eq(id)).fetchOptional()
        .map(r -> toRegistration(r, seatsUsed(dsl, id)));
  }

  public List<LmsRegistration> list(DSLContext dsl) {
    return dsl.selectFrom(LMS_REGISTRATION).orderBy(LMS_REGISTRATION.CREATED, LMS_REGISTRATION.ID).fetch()
        .map(r -> toRegistration(r, seatsUsed(dsl, r.getId())));
  }

  /** The registration row locked for the rest of the transaction (serialises seat taking). */
  public Optional<LmsRegistration> lock(DSLContext dsl, String id) {
    return dsl.selectFrom(LMS_REGISTRATION).where(LMS_REGISTRATION.ID.eq(id)).forUpdate().fetchOptional()
        .map(r -> toRegistration(r, seatsUsed(dsl, id)));
  }

  public int seatsUsed(DSLContext dsl, String id) {
    return dsl.fetchCount(LMS_SEAT, LMS_SEAT.REGISTRATION_ID.eq(id));
  }

  /**
   * Gives the learner a seat (or refreshes theirs). False when they have none and the cap is reached. Call with
   * the registration locked ({@link #lock}).
   */
  public boolean takeSeat(DSLContext dsl, LmsRegistration registration, UUID learner) {
    int refreshed = dsl.update(LMS_SEAT).set(LMS_SEAT.LAST_LAUNCH, now())
        .where(LMS_SEAT.REGISTRATION_ID.eq(registration.id()).and(LMS_SEAT.LEARNER_ID.eq(learner))).execute();
    if (refreshed == 1) {
      return true;
    }
    if (registration.seatCap() != null && registration.seatsUsed() >= registration.seatCap()) {
      return false;
    }
    dsl.insertInto(LMS_SEAT)
        .set(LMS_SEAT.REGISTRATION_ID, registration.id())
        .set(LMS_SEAT.LEARNER_ID, learner)
        .set(LMS_SEAT.FIRST_LAUNCH, now())
        .set(LMS_SEAT.LAST_LAUNCH, now())
        .execute();
    return true;
  }

  /**
   * The account of an LMS learner, agent {@code account {homePage, name: lmsLearnerId}}: the same one at every
   * launch from any package (SCORM 1.2, 2004, cmi5) of an LMS with that base URL. Created on first launch; the
   * display name follows the LMS.
   */
  public Learner lmsLearner(DSLContext dsl, String homePage, String lmsLearnerId, String displayName) {
    dsl.insertInto(LEARNER_ACCOUNT)
        .set(LEARNER_ACCOUNT.ID, UUID.randomUUID())
        .set(LEARNER_ACCOUNT.DISPLAY_NAME, displayName)
        .set(LEARNER_ACCOUNT.AGENT_HOME_PAGE, homePage)
        .set(LEARNER_ACCOUNT.AGENT_NAME, lmsLearnerId)
        .set(LEARNER_ACCOUNT.CREATED, now())
        .onConflict(LEARNER_ACCOUNT.AGENT_HOME_PAGE, LEARNER_ACCOUNT.AGENT_NAME)
        .doUpdate().set(LEARNER_ACCOUNT.DISPLAY_NAME, DSL.excluded(LEARNER_ACCOUNT.DISPLAY_NAME))
        .execute();
    var r = dsl.selectFrom(LEARNER_ACCOUNT)
        .where(LEARNER_ACCOUNT.AGENT_HOME_PAGE.eq(homePage).and(LEARNER_ACCOUNT.AGENT_NAME.eq(lmsLearnerId)))
        .fetchOne();
    return new Learner(r.getId(), null, r.getDisplayName(), homePage, lmsLearnerId);
  }

  /** The account id of the LMS learner with this agent, if any. */
  public Optional<UUID> learnerByAgent(DSLContext dsl, String homePage, String lmsLearnerId) {
    return dsl.select(LEARNER_ACCOUNT.ID).from(LEARNER_ACCOUNT)
        .where(LEARNER_ACCOUNT.AGENT_HOME_PAGE.eq(homePage).and(LEARNER_ACCOUNT.AGENT_NAME.eq(lmsLearnerId)))
        .fetchOptional(LEARNER_ACCOUNT.ID);
  }

  private static LmsRegistration toRegistration(LmsRegistrationRecord r, int seatsUsed) {
    return new LmsRegistration(r.getId(), r.getName(), r.getOrigin(), r.getBaseUrl(), r.getSeatCap(), r.getExpires(),
        r.getCreated(), r.getRevoked(), seatsUsed, r.getOrganisationId());
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
