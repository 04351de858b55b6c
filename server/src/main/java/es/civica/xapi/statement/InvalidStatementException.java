package es.civica.xapi.statement;

/**
 * A statement (or a signature, or a value that must follow a statement format) breaks an xAPI rule. The HTTP layer
 * answers {@code 400 Bad Request} with {@link #getMessage()}, which names the JSON path of the first defect, e.g.
 * {@code "actor.mbox must be a mailto: IRI"}.
 */
public class InvalidStatementException extends RuntimeException {

  public InvalidStatementException(String message) {
    super(message);
  }

  public InvalidStatementException(String message, Throwable cause) {
    super(message, cause);
  }
}
