package es.civica.xapi.statement;

public class InvalidStatementException extends RuntimeException {
  public InvalidStatementException(String message) {
    super(message);
  }
}
