package es.civica.certification;

import es.civica.certificates.UnitResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A certificate as we recorded it at issue: everything it states, plus its fingerprint and revocation. The PDF
 * bytes and the credential are read separately ({@link CertificateRegistry#pdf}).
 *
 * @param id               the random id (26 characters of base32)
 * @param learnerId        the holder's learner account
 * @param holderName       the holder's name as printed
 * @param organisation     the holder's organisation as far as we know it (domain of their e-mail), or null
 * @param courseIri        the course's IRI
 * @param courseTitle      the course's title
 * @param hours            the course's hours
 * @param units            the passed units (date and scaled score of the passing attempt)
 * @param issuerName       the issuing organisation
 * @param issuerUrl        its web site
 * @param issuerId         the {@code did:key} that signed it
 * @param issuedOn         issue date
 * @param expiresOn        last valid day, or null
 * @param issuedAt         the instant it was recorded
 * @param replacesId       the certificate this one renews, or null
 * @param replacedById     the renewal that replaced this one, or null
 * @param sha256           SHA-256 of the PDF as issued, lowercase hex
 * @param verificationUrl  {@code <public URL>/verify/<id>}
 * @param qrUrl            what the QR code encodes (verification URL and signed token)
 * @param statementId      the xAPI statement that recorded the issue, or null
 * @param revokedAt        when it was revoked, or null
 * @param revocationReason why, or null
 * @param revokedBy        who revoked it, or null
 */
public record CertificateRecord(String id, UUID learnerId, String holderName, String organisation, String courseIri,
    String courseTitle, int hours, List<UnitResult> units, String issuerName, String issuerUrl, String issuerId,
    LocalDate issuedOn, LocalDate expiresOn, OffsetDateTime issuedAt, String replacesId, String replacedById,
    String sha256, String verificationUrl, String qrUrl, UUID statementId, OffsetDateTime revokedAt,
    String revocationReason, String revokedBy) {

  public CertificateRecord {
    units = List.copyOf(units);
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** Revoked wins over expired: an expired certificate that was revoked shows as revoked. */
  public CertificateStatus status(LocalDate today) {
    if (revoked()) {
      return CertificateStatus.REVOKED;
    }
    return expiresOn != null && expiresOn.isBefore(today) ? CertificateStatus.EXPIRED : CertificateStatus.VALID;
  }

  /**
   * What {@code /verify/{id}} answers in JSON: what the certificate itself states (no e-mail, no account, no
   * fingerprint), its status and, when revoked, the date and reason.
   */
  public JsonObject publicJson(LocalDate today) {
    CertificateStatus status = status(today);
    JsonArray unitArray = new JsonArray();
    for (UnitResult u : units) {
      unitArray.add(new JsonObject().put("number", u.number()).put("title", u.title())
          .put("passedOn", u.passedOn().toString()).put("scaledScore", u.scaledScore()));
    }
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("status", status.name())
        .put("statusText", status.spanish())
        .put("holder", holderName)
        .put("course", new JsonObject().put("id", courseIri).put("title", courseTitle))
        .put("hours", hours)
        .put("units", unitArray)
        .put("issuedOn", issuedOn.toString())
        .put("expiresOn", expiresOn == null ? null : expiresOn.toString())
        .put("issuer", new JsonObject().put("name", issuerName).put("url", issuerUrl).put("id", issuerId))
        .put("verificationUrl", verificationUrl);
    if (replacesId != null) {
      json.put("replaces", replacesId);
    }
    if (replacedById != null) {
      json.put("replacedBy", replacedById);
    }
    if (revoked()) {
      json.put("revocation", new JsonObject().put("date", revokedAt.toLocalDate().toString())
          .put("reason", revocationReason));
    }
    return json;
  }

  /** The admin's and the desks' view: the public fields plus holder account, organisation and fingerprint. */
  public JsonObject adminJson(LocalDate today) {
    JsonObject json = publicJson(today)
        .put("learnerId", learnerId.toString())
        .put("organisation", organisation)
        .put("issuedAt", issuedAt.toString())
        .put("sha256", sha256)
        .put("statementId", statementId == null ? null : statementId.toString());
    if (revoked()) {
      json.getJsonObject("revocation").put("at", revokedAt.toString()).put("by", revokedBy);
    }
    return json;
  }
}
