package es.civica.scorm.dispatch;

import static es.civica.db.generated.Tables.LMS_LAUNCH;

import es.civica.db.generated.tables.records.LmsLaunchRecord;
import io.vertx.core.json.JsonObject;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Launches from LMSs: the single-use launch token and the frame session it became. Blocking: via the DatabaseWorker. */
public final class LaunchStore {

  /**
   * One launch.
   *
   * @param cmi5 for cmi5 launches: endpoint, authToken, registration, actor, activityId, launchData; else null
   */
  public record Launch(UUID id, String registrationId, UUID learnerId, int unit, String standard, String lmsOrigin,
                       JsonObject cmi5, OffsetDateTime tokenExpires, boolean terminated) {
  }

  public void insert(DSLContext dsl, Launch launch) {
    dsl.insertInto(LMS_LAUNCH)
        .set(LMS_LAUNCH.ID, launch.id())
        .set(LMS_LAUNCH.REGISTRATION_ID, launch.registrationId())
        .set(LMS_LAUNCH.LEARNER_ID, launch.learnerId())
        .set(LMS_LAUNCH.UNIT_NUMBER, launch.unit())
        .set(LMS_LAUNCH.STANDARD, launch.standard())
        .set(LMS_LAUNCH.LMS_ORIGIN, launch.lmsOrigin())
        .set(LMS_LAUNCH.CMI5, launch.cmi5() == null ? null : JSONB.valueOf(launch.cmi5().encode()))
        .set(LMS_LAUNCH.CREATED, RegistrationStore.now())
        .set(LMS_LAUNCH.TOKEN_EXPIRES, launch.tokenExpires())
        .execute();
  }

  /**
   * Uses the launch token of this launch: succeeds once, before it expires, and attaches the frame session
   * (the SHA-256 of its token). Empty when used before, expired or unknown.
   */
  public Optional<Launch> consume(DSLContext dsl, UUID id, String sessionHash) {
    OffsetDateTime now = RegistrationStore.now();
    int used = dsl.update(LMS_LAUNCH)
        .set(LMS_LAUNCH.TOKEN_USED, now)
        .set(LMS_LAUNCH.SESSION_HASH, sessionHash)
        .where(LMS_LAUNCH.ID.eq(id).and(LMS_LAUNCH.TOKEN_USED.isNull()).and(LMS_LAUNCH.TOKEN_EXPIRES.gt(now)))
        .execute();
    return used == 1 ? find(dsl, id) : Optional.empty();
  }

  public Optional<Launch> find(DSLContext dsl, UUID id) {
    return dsl.selectFrom(LMS_LAUNCH).where(LMS_LAUNCH.ID.eq(id)).fetchOptional().map(LaunchStore::toLaunch);
  }

  /** The launch whose frame session has this token hash. */
  public Optional<Launch> bySession(DSLContext dsl, String sessionHash) {
    return dsl.selectFrom(LMS_LAUNCH).where(LMS_LAUNCH.SESSION_HASH.eq(sessionHash)).fetchOptional()
        .map(LaunchStore::toLaunch);
  }

  /** The latest cmi5 launch of a learner in a unit whose session started and was not terminated. */
  public Optional<Launch> openCmi5(DSLContext dsl, UUID learner, int unit) {
    return dsl.selectFrom(LMS_LAUNCH)
        .where(LMS_LAUNCH.LEARNER_ID.eq(learner).and(LMS_LAUNCH.UNIT_NUMBER.eq(unit))
            .and(LMS_LAUNCH.STANDARD.eq("cmi5")).and(LMS_LAUNCH.TOKEN_USED.isNotNull())
            .and(LMS_LAUNCH.TERMINATED.isNull()))
        .orderBy(LMS_LAUNCH.CREATED.desc()).limit(1).fetchOptional().map(LaunchStore::toLaunch);
  }

  /**
   * Marks a launch terminated and forgets its cmi5 auth token (no statement goes out for it afterwards); false
   * when it already was.
   */
  public boolean terminate(DSLContext dsl, UUID id) {
    LmsLaunchRecord r = dsl.selectFrom(LMS_LAUNCH).where(LMS_LAUNCH.ID.eq(id)).forUpdate().fetchOne();
    if (r == null || r.getTerminated() != null) {
      return false;
    }
    r.setTerminated(RegistrationStore.now());
    if (r.getCmi5() != null) {
      JsonObject cmi5 = new JsonObject(r.getCmi5().data());
      cmi5.remove("authToken");
      r.setCmi5(JSONB.valueOf(cmi5.encode()));
    }
    return r.update() == 1;
  }

  private static Launch toLaunch(LmsLaunchRecord r) {
    return new Launch(r.getId(), r.getRegistrationId(), r.getLearnerId(), r.getUnitNumber(), r.getStandard(),
        r.getLmsOrigin(), r.getCmi5() == null ? null : new JsonObject(r.getCmi5().data()), r.getTokenExpires(),
        r.getTerminated() != null);
  }
}
