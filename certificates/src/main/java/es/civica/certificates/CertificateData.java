package es.civica.certificates;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a certificate states. The server builds it from the learner's passed units. Names and titles
 * are normalised to Unicode NFC and trimmed.
 *
 * @param id              the certificate's id, URL-safe ({@code [A-Za-z0-9._~-]}, at most 64 characters)
 * @param holderName      the holder's full name as it is printed
 * @param holderEmail     the holder's e-mail, or null; the credential carries it only salted and hashed
 * @param courseTitle     the course's title
 * @param courseIri       the course's IRI, the id of the credential's achievement
 * @param hours           the course's length in hours
 * @param units           the passed units, in order
 * @param issuer          the issuing organisation
 * @param issuedOn        the issue date
 * @param expiresOn       the last day the certificate is valid, or null when it does not expire
 * @param verificationUrl the page that verifies it online, {@code https://host/verify/{id}}; also the
 *                        credential's id
 * @param replacesId      the id of a certificate this one replaces (a reissue), or null
 */
public record CertificateData(String id, String holderName, String holderEmail, String courseTitle,
    String courseIri, int hours, List<UnitResult> units, IssuerProfile issuer, LocalDate issuedOn,
    LocalDate expiresOn, String verificationUrl, String replacesId) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

  public CertificateData {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(holderName, "holderName");
    Objects.requireNonNull(courseTitle, "courseTitle");
    Objects.requireNonNull(courseIri, "courseIri");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(issuedOn, "issuedOn");
    Objects.requireNonNull(verificationUrl, "verificationUrl");
    units = List.copyOf(units);
    holderName = nfc(holderName).strip();
    courseTitle = nfc(courseTitle).strip();
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("A certificate id is 1 to 64 characters of [A-Za-z0-9._~-]: " + id);
    }
    if (holderName.isBlank() || courseTitle.isBlank()) {
      throw new IllegalArgumentException("holderName and courseTitle must not be blank");
    }
    if (hours <= 0) {
      throw new IllegalArgumentException("hours must be positive");
    }
    if (units.isEmpty()) {
      throw new IllegalArgumentException("A certificate lists at least one unit");
    }
    if (expiresOn != null && expiresOn.isBefore(issuedOn)) {
      throw new IllegalArgumentException("expiresOn is before issuedOn");
    }
    if (verificationUrl.indexOf('#') >= 0) {
      throw new IllegalArgumentException("verificationUrl must not have a fragment: the QR adds #t=<token>");
    }
  }

  /** Unicode NFC, so that "ñ" is one character in the PDF, the credential and the token alike. */
  static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /** The essentials the QR token carries. */
  public CertificateSummary summary() {
    return new CertificateSummary(id, holderName, courseTitle, issuedOn, expiresOn);
  }
}
