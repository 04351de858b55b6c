package es.civica.xapi;

import java.util.Optional;

/**
 * The xAPI versions this LRS speaks. A request's {@code X-Experience-API-Version} header picks the rules:
 * any 1.0.x (1.0.0–1.0.3, so content that still sends 1.0.2 works) follows 1.0.3, 2.0.x follows 2.0.0.
 */
public enum XapiVersion {
  V1_0_3("1.0.3"),
  V2_0_0("2.0.0");

  private final String text;

  XapiVersion(String text) {
    this.text = text;
  }

  /** The version string this LRS answers with in {@code X-Experience-API-Version}. */
  public String text() {
    return text;
  }

  public boolean is2() {
    return this == V2_0_0;
  }

  /** Parses a request header value; empty when the value names no version we serve. */
  public static Optional<XapiVersion> fromHeader(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String v = header.trim();
    if (v.matches("1\\.0(\\.[0-3])?")) {
      return Optional.of(V1_0_3);
    }
    if (v.matches("2\\.0(\\.0)?")) {
      return Optional.of(V2_0_0);
    }
    return Optional.empty();
  }
}
