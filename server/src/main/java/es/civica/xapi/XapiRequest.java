package es.civica.xapi;

import es.civica.xapi.auth.Credential;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

import java.util.List;
import java.util.Map;

/**
 * One xAPI request after the protocol layer has undone the alternate request syntax: the method, parameters,
 * headers and body are what the client meant, wherever it put them.
 *
 * @param resource the path below the LRS root, e.g. {@code /statements}
 */
public record XapiRequest(HttpMethod method, String resource, Map<String, List<String>> params, MultiMap headers,
                          Buffer body,
                          XapiVersion version, Credential credential) {

  /** The first value of a query parameter (names are case sensitive), or null. */
  public String param(String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public String header(String name) {
    return headers.get(name);
  }

  /** Content-Type without its parameters, lower case; empty string when absent. */
  public String mediaType() {
    String type = headers.get("Content-Type");
    if (type == null) {
      return "";
    }
    int semi = type.indexOf(';');
    return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase();
  }
}
