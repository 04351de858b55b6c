package es.civica.certification;

/** A refused certificate operation, with the HTTP status it maps to. */
public final class CertificateException extends RuntimeException {
  private final int status;

  public CertificateException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static CertificateException notFound() {
    return new CertificateException(404, "No such certificate");
  }

  public static CertificateException conflict(String message) {
    return new CertificateException(409, message);
  }

  public int status() {
    return status;
  }
}
