package es.civica.scorm.dispatch;

/** A launch the server refuses: HTTP status, a stable code and a message for the learner's page and the logs. */
public final class LaunchRefused extends RuntimeException {
  private final int status;
  private final String code;

  public LaunchRefused(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
