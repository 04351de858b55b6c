package es.civica.certificates;

/** A certificate, credential or token that does not verify; the message says why, in Spanish. */
public class VerificationException extends RuntimeException {

  public VerificationException(String message) {
    super(message);
  }

  public VerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
