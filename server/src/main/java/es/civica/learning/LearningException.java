package es.civica.learning;

/** A refused player request: the HTTP status and a message the player may show. */
public final class LearningException extends RuntimeException {
  private final int status;

  public LearningException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static LearningException notFound(String what) {
    return new LearningException(404, what);
  }

  public static LearningException conflict(String what) {
    return new LearningException(409, what);
  }

  public static LearningException badRequest(String what) {
    return new LearningException(400, what);
  }
}
