package es.civica.certification;

import static es.civica.db.generated.Tables.CERTIFICATE;
import static es.civica.db.generated.Tables.CERTIFICATE_AUDIT;

import es.civica.certificates.UnitResult;
import es.civica.db.generated.tables.Certificate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of certificates and their audit log (jOOQ, generated classes only). Every method runs inside a database job. */
final class CertificateStore {
  private static final Certificate RENEWAL = CERTIFICATE.as("renewal");
  /** The renewal that replaced a certificate, if any. */
  private static final Field<String> REPLACED_BY = DSL.field(DSL.select(RENEWAL.ID).from(RENEWAL)
      .where(RENEWAL.REPLACES_ID.eq(CERTIFICATE.ID)).limit(1)).as("replaced_by");

  /** What an issue inserts. */
  record NewCertificate(CertificateRecord record, String holderEmail, byte[] pdf, String credentialJson) {
  }

  /** The PDF as issued, with its holder. */
  record Pdf(String id, UUID learnerId, byte[] bytes) {
  }

  Optional<CertificateRecord> find(DSLContext dsl, String id) {
    return select(dsl).where(CERTIFICATE.ID.eq(id)).fetchOptional(CertificateStore::record);
  }

  List<CertificateRecord> byLearner(DSLContext dsl, UUID learnerId) {
    return select(dsl).where(CERTIFICATE.LEARNER_ID.eq(learnerId)).orderBy(CERTIFICATE.ISSUED_AT.desc())
        .fetch(CertificateStore::record);
  }

  /**
   * Certificates of an organisation (null: all), newest first, optionally only those whose holder name contains
   * {@code search} (ignoring case) or whose id starts with it.
   */
  List<CertificateRecord> list(DSLContext dsl, String organisation, String search, int limit, int offset) {
    Condition where = DSL.trueCondition();
    if (organisation != null) {
      where = where.and(CERTIFICATE.ORGANISATION.eq(organisation));
    }
    if (search != null && !search.isBlank()) {
      String s = search.strip();
      where = where.and(CERTIFICATE.HOLDER_NAME.containsIgnoreCase(s).or(CERTIFICATE.ID.startsWith(s.toLowerCase())));
    }
    return select(dsl).where(where).orderBy(CERTIFICATE.ISSUED_AT.desc(), CERTIFICATE.ID).limit(limit).offset(offset)
        .fetch(CertificateStore::record);
  }

  Optional<Pdf> pdf(DSLContext dsl, String id) {
    return dsl.select(CERTIFICATE.ID, CERTIFICATE.LEARNER_ID, CERTIFICATE.PDF).from(CERTIFICATE)
        .where(CERTIFICATE.ID.eq(id)).fetchOptional(r -> new Pdf(r.value1(), r.value2(), r.value3()));
  }

  Optional<String> credential(DSLContext dsl, String id) {
    return dsl.select(CERTIFICATE.CREDENTIAL).from(CERTIFICATE).where(CERTIFICATE.ID.eq(id))
        .fetchOptional(CERTIFICATE.CREDENTIAL);
  }

  /** Whether the learner already has the automatic (first) certificate of the course, revoked or not. */
  boolean hasFirst(DSLContext dsl, UUID learnerId, String courseIri) {
    return dsl.fetchExists(CERTIFICATE, CERTIFICATE.LEARNER_ID.eq(learnerId)
        .and(CERTIFICATE.COURSE_IRI.eq(courseIri)).and(CERTIFICATE.REPLACES_ID.isNull()));
  }

  /** Inserts unless the learner already has the first certificate of the course, or the renewal exists. */
  boolean insert(DSLContext dsl, NewCertificate n) {
    CertificateRecord c = n.record();
    return dsl.insertInto(CERTIFICATE)
        .set(CERTIFICATE.ID, c.id())
        .set(CERTIFICATE.LEARNER_ID, c.learnerId())
        .set(CERTIFICATE.HOLDER_NAME, c.holderName())
        .set(CERTIFICATE.HOLDER_EMAIL, n.holderEmail())
        .set(CERTIFICATE.ORGANISATION, c.organisation())
        .set(CERTIFICATE.COURSE_IRI, c.courseIri())
        .set(CERTIFICATE.COURSE_TITLE, c.courseTitle())
        .set(CERTIFICATE.HOURS, c.hours())
        .set(CERTIFICATE.UNITS, JSONB.valueOf(unitsJson(c.units()).encode()))
        .set(CERTIFICATE.ISSUER_NAME, c.issuerName())
        .set(CERTIFICATE.ISSUER_URL, c.issuerUrl())
        .set(CERTIFICATE.ISSUER_ID, c.issuerId())
        .set(CERTIFICATE.ISSUED_ON, c.issuedOn())
        .set(CERTIFICATE.EXPIRES_ON, c.expiresOn())
        .set(CERTIFICATE.ISSUED_AT, c.issuedAt())
        .set(CERTIFICATE.REPLACES_ID, c.replacesId())
        .set(CERTIFICATE.SHA256, c.sha256())
        .set(CERTIFICATE.PDF, n.pdf())
        .set(CERTIFICATE.CREDENTIAL, n.credentialJson())
        .set(CERTIFICATE.QR_URL, c.qrUrl())
        .set(CERTIFICATE.STATEMENT_ID, c.statementId())
        .set(CERTIFICATE.STATUS, "active")
        .onConflictDoNothing()
        .execute() == 1;
  }

  /** Revokes an active certificate; false when it was already revoked (or does not exist). */
  boolean revoke(DSLContext dsl, String id, String reason, String actor, OffsetDateTime at) {
    return dsl.update(CERTIFICATE)
        .set(CERTIFICATE.STATUS, "revoked")
        .set(CERTIFICATE.REVOKED_AT, at)
        .set(CERTIFICATE.REVOCATION_REASON, reason)
        .set(CERTIFICATE.REVOKED_BY, actor)
        .where(CERTIFICATE.ID.eq(id).and(CERTIFICATE.REVOKED_AT.isNull()))
        .execute() == 1;
  }

  void audit(DSLContext dsl, OffsetDateTime at, String actor, String action, String certificateId, JsonObject details) {
    dsl.insertInto(CERTIFICATE_AUDIT)
        .set(CERTIFICATE_AUDIT.AT, at)
        .set(CERTIFICATE_AUDIT.ACTOR, actor)
        .set(CERTIFICATE_AUDIT.ACTION, action)
        .set(CERTIFICATE_AUDIT.CERTIFICATE_ID, certificateId)
        .set(CERTIFICATE_AUDIT.DETAILS, JSONB.valueOf(details.encode()))
        .execute();
  }

  /** The audit log, newest first; of one certificate when {@code certificateId} is not null. */
  List<AuditEntry> audit(DSLContext dsl, String certificateId, long beforeId, int limit) {
    Condition where = CERTIFICATE_AUDIT.ID.lt(beforeId);
    if (certificateId != null) {
      where = where.and(CERTIFICATE_AUDIT.CERTIFICATE_ID.eq(certificateId));
    }
    return dsl.selectFrom(CERTIFICATE_AUDIT).where(where).orderBy(CERTIFICATE_AUDIT.ID.desc()).limit(limit)
        .fetch(r -> new AuditEntry(r.getId(), r.getAt(), r.getActor(), r.getAction(), r.getCertificateId(),
            new JsonObject(r.getDetails().data())));
  }

  private static org.jooq.SelectJoinStep<Record> select(DSLContext dsl) {
    List<Field<?>> fields = new ArrayList<>(List.of(CERTIFICATE.ID, CERTIFICATE.LEARNER_ID, CERTIFICATE.HOLDER_NAME,
        CERTIFICATE.ORGANISATION, CERTIFICATE.COURSE_IRI, CERTIFICATE.COURSE_TITLE, CERTIFICATE.HOURS,
        CERTIFICATE.UNITS, CERTIFICATE.ISSUER_NAME, CERTIFICATE.ISSUER_URL, CERTIFICATE.ISSUER_ID,
        CERTIFICATE.ISSUED_ON, CERTIFICATE.EXPIRES_ON, CERTIFICATE.ISSUED_AT, CERTIFICATE.REPLACES_ID, REPLACED_BY,
        CERTIFICATE.SHA256, CERTIFICATE.QR_URL, CERTIFICATE.STATEMENT_ID, CERTIFICATE.REVOKED_AT,
        CERTIFICATE.REVOCATION_REASON, CERTIFICATE.REVOKED_BY));
    return dsl.select(fields).from(CERTIFICATE);
  }

  private static CertificateRecord record(Record r) {
    String qrUrl = r.get(CERTIFICATE.QR_URL);
    return new CertificateRecord(r.get(CERTIFICATE.ID), r.get(CERTIFICATE.LEARNER_ID), r.get(CERTIFICATE.HOLDER_NAME),
        r.get(CERTIFICATE.ORGANISATION), r.get(CERTIFICATE.COURSE_IRI), r.get(CERTIFICATE.COURSE_TITLE),
        r.get(CERTIFICATE.HOURS), units(r.get(CERTIFICATE.UNITS)), r.get(CERTIFICATE.ISSUER_NAME),
        r.get(CERTIFICATE.ISSUER_URL), r.get(CERTIFICATE.ISSUER_ID), r.get(CERTIFICATE.ISSUED_ON),
        r.get(CERTIFICATE.EXPIRES_ON), r.get(CERTIFICATE.ISSUED_AT), r.get(CERTIFICATE.REPLACES_ID),
        r.get(REPLACED_BY), r.get(CERTIFICATE.SHA256), es.civica.certificates.QrToken.verificationUrlOf(qrUrl), qrUrl,
        r.get(CERTIFICATE.STATEMENT_ID), r.get(CERTIFICATE.REVOKED_AT), r.get(CERTIFICATE.REVOCATION_REASON),
        r.get(CERTIFICATE.REVOKED_BY));
  }

  static JsonArray unitsJson(List<UnitResult> units) {
    JsonArray array = new JsonArray();
    for (UnitResult u : units) {
      array.add(new JsonObject().put("number", u.number()).put("title", u.title())
          .put("passedOn", u.passedOn().toString()).put("scaledScore", u.scaledScore()));
    }
    return array;
  }

  private static List<UnitResult> units(JSONB json) {
    List<UnitResult> units = new ArrayList<>();
    for (Object o : new JsonArray(json.data())) {
      JsonObject u = (JsonObject) o;
      units.add(new UnitResult(u.getInteger("number"), u.getString("title"), LocalDate.parse(u.getString("passedOn")),
          u.getDouble("scaledScore")));
    }
    return units;
  }
}
