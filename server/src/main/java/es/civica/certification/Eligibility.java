package es.civica.certification;

import static es.civica.db.generated.Tables.CERTIFICATE;
import static es.civica.db.generated.Tables.ENROLMENT;
import static es.civica.db.generated.Tables.LEARNER_ACCOUNT;
import static es.civica.db.generated.Tables.STATEMENT_TO_ACTIVITY;
import static es.civica.db.generated.Tables.XAPI_STATEMENT;

import es.civica.content.Course;
import es.civica.content.Unit;
import io.vertx.core.json.JsonObject;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who has earned the certificate, read from the LRS (DESIGN.md, decisions 1 and 2): a learner is eligible when,
 * for every unit of the course, a non-voided {@code passed} statement about the unit exists in the learner's
 * enrolment in that unit (its xAPI registration) and was stored by the player's system credential — the server
 * scored it. A {@code passed} statement another client posts about the same unit does not count.
 */
final class Eligibility {
  static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";

  /** The first passing statement of one unit. */
  record UnitPass(Unit unit, UUID statementId, OffsetDateTime timestamp, double scaledScore, JsonObject actor) {
  }

  /** A learner who passed every unit, with the evidence. */
  record Evidence(UUID learnerId, String name, String email, List<UnitPass> passes) {
  }

  private final Course course;
  private final long playerCredentialId;

  Eligibility(Course course, long playerCredentialId) {
    this.course = course;
    this.playerCredentialId = playerCredentialId;
  }

  /** The learner's evidence when every unit is passed, else empty. */
  Optional<Evidence> evidence(DSLContext dsl, UUID learnerId) {
    var account = dsl.select(LEARNER_ACCOUNT.DISPLAY_NAME, LEARNER_ACCOUNT.EMAIL).from(LEARNER_ACCOUNT)
        .where(LEARNER_ACCOUNT.ID.eq(learnerId)).fetchOne();
    if (account == null) {
      return Optional.empty();
    }
    Map<UUID, Integer> unitOfRegistration = new HashMap<>();
    dsl.select(ENROLMENT.REGISTRATION, ENROLMENT.UNIT_NUMBER).from(ENROLMENT).where(ENROLMENT.LEARNER_ID.eq(learnerId))
        .forEach(r -> unitOfRegistration.put(r.value1(), r.value2()));
    if (unitOfRegistration.size() < course.units().size()) {
      return Optional.empty();
    }
    var s = XAPI_STATEMENT;
    var object = STATEMENT_TO_ACTIVITY;
    Map<Integer, UnitPass> first = new HashMap<>();
    dsl.select(s.STATEMENT_ID, s.REGISTRATION, s.TIMESTAMP, s.PAYLOAD, object.ACTIVITY_IRI)
        .from(s).join(object).on(object.STATEMENT_PK.eq(s.ID).and(object.USAGE.eq("object")))
        .where(s.REGISTRATION.in(unitOfRegistration.keySet()).and(s.VERB_IRI.eq(PASSED))
            .and(s.IS_VOIDED.isFalse()).and(s.CREDENTIAL_ID.eq(playerCredentialId)))
        .orderBy(s.ID)
        .forEach(r -> {
          Integer number = unitOfRegistration.get(r.value2());
          Optional<Unit> unit = number == null ? Optional.empty() : course.unit(number);
          if (unit.isEmpty() || !unit.get().id().equals(r.value5()) || first.containsKey(number)) {
            return;
          }
          JsonObject payload = new JsonObject(r.value4().data());
          Double scaled = payload.getJsonObject("result", new JsonObject()).getJsonObject("score", new JsonObject())
              .getDouble("scaled");
          if (scaled != null && scaled >= 0 && scaled <= 1) {
            first.put(number, new UnitPass(unit.get(), r.value1(), r.value3(), scaled, payload.getJsonObject("actor")));
          }
        });
    List<UnitPass> passes = new ArrayList<>();
    for (Unit u : course.units()) {
      UnitPass p = first.get(u.number());
      if (p == null) {
        return Optional.empty();
      }
      passes.add(p);
    }
    return Optional.of(new Evidence(learnerId, account.value1(), account.value2(), passes));
  }

  /** The learners whose enrolments these registrations are. */
  List<UUID> learnersOf(DSLContext dsl, Collection<UUID> registrations) {
    if (registrations.isEmpty()) {
      return List.of();
    }
    return dsl.selectDistinct(ENROLMENT.LEARNER_ID).from(ENROLMENT).where(ENROLMENT.REGISTRATION.in(registrations))
        .fetch(ENROLMENT.LEARNER_ID);
  }

  /** Learners with a server-scored pass in every unit and no certificate of the course yet (the recheck path). */
  List<UUID> candidatesWithoutCertificate(DSLContext dsl) {
    var e = ENROLMENT;
    var s = XAPI_STATEMENT;
    var object = STATEMENT_TO_ACTIVITY;
    List<String> unitIris = course.units().stream().map(Unit::id).toList();
    return dsl.select(e.LEARNER_ID)
        .from(e)
        .join(s).on(s.REGISTRATION.eq(e.REGISTRATION))
        .join(object).on(object.STATEMENT_PK.eq(s.ID).and(object.USAGE.eq("object")))
        .where(s.VERB_IRI.eq(PASSED).and(s.IS_VOIDED.isFalse()).and(s.CREDENTIAL_ID.eq(playerCredentialId))
            .and(object.ACTIVITY_IRI.in(unitIris))
            .and(DSL.notExists(DSL.selectOne().from(CERTIFICATE).where(CERTIFICATE.LEARNER_ID.eq(e.LEARNER_ID)
                .and(CERTIFICATE.COURSE_IRI.eq(course.id())).and(CERTIFICATE.REPLACES_ID.isNull())))))
        .groupBy(e.LEARNER_ID)
        .having(DSL.countDistinct(object.ACTIVITY_IRI).ge(unitIris.size()))
        .fetch(e.LEARNER_ID);
  }
}
