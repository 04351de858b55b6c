package es.civica.certification;

/** What {@code /verify/{id}} answers about a certificate, with the words the page shows in Spanish. */
public enum CertificateStatus {
  VALID("VÁLIDO"),
  REVOKED("REVOCADO"),
  EXPIRED("CADUCADO"),
  NOT_FOUND("NO ENCONTRADO");

  private final String spanish;

  CertificateStatus(String spanish) {
    this.spanish = spanish;
  }

  public String spanish() {
    return spanish;
  }
}
