package es.civica.certificates;

import java.time.LocalDate;
import java.util.List;

/**
 * A certificate whose credential and QR token both verified and agree.
 *
 * @param summary        id, holder, course, issue and expiry dates (the same in the credential and the QR)
 * @param issuerName     the issuing organisation
 * @param issuerId       the {@code did:key} of the key that signed both
 * @param hours          the course's length
 * @param units          the passed units
 * @param qrUrl          the URL in the QR code
 * @param qrDecodedFromImage whether the QR was read from the rasterised page (otherwise only from the link)
 * @param sha256         the SHA-256 fingerprint of the PDF bytes checked
 * @param credentialJson the attached credential
 */
public record VerifiedCertificate(CertificateSummary summary, String issuerName, String issuerId, int hours,
    List<UnitResult> units, String qrUrl, boolean qrDecodedFromImage, String sha256, String credentialJson) {

  /** Whether the certificate's validity ended before the given day. */
  public boolean expiredOn(LocalDate day) {
    return summary.expiresOn() != null && summary.expiresOn().isBefore(day);
  }
}
