package es.civica.xapi.auth;

import java.util.Arrays;
import java.util.Optional;

/** The xAPI authorization scopes a credential can hold (xAPI 1.0.3, Part Three, 4.2). */
public enum Scope {
  STATEMENTS_WRITE("statements/write"),
  STATEMENTS_READ("statements/read"),
  STATEMENTS_READ_MINE("statements/read/mine"),
  STATE("state"),
  DEFINE("define"),
  PROFILE("profile"),
  ALL_READ("all/read"),
  ALL("all");

  private final String text;

  Scope(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  public static Optional<Scope> parse(String text) {
    return Arrays.stream(values()).filter(s -> s.text.equals(text)).findFirst();
  }
}
