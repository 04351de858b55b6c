package es.civica.xapi;

/** A request the LRS refuses, with the HTTP status the xAPI spec prescribes for it. */
public class XapiException extends RuntimeException {
  private final int status;

  public XapiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static XapiException badRequest(String message) {
    return new XapiException(400, message);
  }

  public static XapiException notFound(String message) {
    return new XapiException(404, message);
  }

  public static XapiException conflict(String message) {
    return new XapiException(409, message);
  }

  public static XapiException preconditionFailed(String message) {
    return new XapiException(412, message);
  }
}
