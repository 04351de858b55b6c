package es.civica.certificates;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The essentials of a certificate, the ones the QR token carries so that they can be checked without the
 * server.
 *
 * @param id          the certificate's id
 * @param holderName  the holder's full name
 * @param courseTitle the course's title
 * @param issuedOn    the issue date
 * @param expiresOn   the last day it is valid, or null when it does not expire
 */
public record CertificateSummary(String id, String holderName, String courseTitle, LocalDate issuedOn,
    LocalDate expiresOn) {

  public CertificateSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(holderName, "holderName");
    Objects.requireNonNull(courseTitle, "courseTitle");
    Objects.requireNonNull(issuedOn, "issuedOn");
  }
}
