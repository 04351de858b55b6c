package es.civica.xapi.statement;

import es.civica.xapi.XapiException;
import es.civica.xapi.XapiVersion;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string formats xAPI values must follow (IRI, mailto IRI, UUID, hashes, timestamps, durations, versions,
 * language tags). Public because query parameters must be validated "to the same standards required for values of
 * the same types in Statements" (Data 2.2), so the HTTP layer reuses these.
 */
public final class Formats {

  /** Controls, space and the ASCII characters an IRI may not hold: {@code <>"{}|\^`}. */
  private static final boolean[] FORBIDDEN_ASCII = new boolean[128];

  static {
    for (char c = 0; c <= 0x20; c++) {
      FORBIDDEN_ASCII[c] = true;
    }
    FORBIDDEN_ASCII[0x7F] = true;
    for (char c : "<>\"{}|\\^`".toCharArray()) {
      FORBIDDEN_ASCII[c] = true;
    }
  }
  private static final Pattern MAILTO =
      Pattern.compile("^mailto:[^@\\s/?#]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?"
          + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?)*$");
  private static final Pattern UUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern SHA1 = Pattern.compile("^[0-9a-fA-F]{40}$");
  private static final Pattern SHA2 =
      Pattern.compile("^(?:[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$");
  private static final Pattern VERSION_1 = Pattern.compile("^1\\.0(?:\\.\\d+)?$");
  private static final Pattern VERSION_2 = Pattern.compile("^2\\.0(?:\\.\\d+)?$");

  // RFC 3339 date-time: what xAPI 2.0.0 requires (an offset is mandatory).
  private static final Pattern RFC_3339 = Pattern.compile(
      "^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?([Zz]|[+-]\\d{2}:\\d{2})$");
  // ISO 8601 combined date and time, extended or basic, offset optional: what xAPI 1.0.3 accepts.
  private static final Pattern ISO_EXTENDED = Pattern.compile(
      "^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?([Zz]|[+-]\\d{2}(?::?\\d{2})?)?$");
  private static final Pattern ISO_BASIC = Pattern.compile(
      "^(\\d{4})(\\d{2})(\\d{2})[Tt](\\d{2})(\\d{2})(?:(\\d{2})(?:[.,](\\d+))?)?([Zz]|[+-]\\d{2}(?:\\d{2})?)?$");

  private static final String NUMBER = "(\\d+(?:[.,]\\d+)?)";
  private static final Pattern DURATION = Pattern.compile("^P(?:" + NUMBER + "W|(?:" + NUMBER + "Y)?(?:" + NUMBER
      + "M)?(?:" + NUMBER + "D)?(T(?:" + NUMBER + "H)?(?:" + NUMBER + "M)?(?:" + NUMBER + "S)?)?)$");

  private static final DateTimeFormatter UTC = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 3, 9, true)
      .appendLiteral('Z')
      .toFormatter()
      .withZone(ZoneOffset.UTC);

  private Formats() {}

  /**
   * An instant as the LRS writes timestamps (stored, converted timestamps, X-Experience-API-Consistent-Through): UTC,
   * always with at least milliseconds, which a timestamp must keep (Data 4.5), e.g. 2024-05-04T17:00:00.000Z.
   */
  public static String formatTimestamp(Instant instant) {
    return UTC.format(instant);
  }

  /**
   * An absolute IRI (RFC 3987): a scheme, then characters an IRI may hold. Best-effort, as Data 2.2 allows: it
   * catches what the suite sends (no scheme, a bad scheme, spaces) without resolving anything.
   */
  public static boolean isIri(String value) {
    if (value == null) {
      return false;
    }
    // one pass, no regex: every statement holds a dozen IRIs, and this ran for each of them (JFR: 5% of ingest)
    int colon = schemeEnd(value);
    if (colon < 0 || colon == value.length() - 1) {
      return false;
    }
    boolean fragment = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < FORBIDDEN_ASCII.length && FORBIDDEN_ASCII[c] || (c >= 0x7F && c <= 0x9F)) {
        return false;
      }
      if (c == '%' && !(i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2)))) {
        return false;
      }
      if (c == '#') {
        if (fragment) {
          return false;
        }
        fragment = true;
      }
    }
    return true;
  }

  /** The index of the colon ending a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"}), or -1. */
  private static int schemeEnd(String value) {
    if (value.isEmpty() || !isAsciiLetter(value.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** An IRL is an IRI meant to be resolvable; syntactically we hold it to the IRI rules. */
  public static boolean isIrl(String value) {
    return isIri(value);
  }

  public static boolean isMailtoIri(String value) {
    return value != null && MAILTO.matcher(value).matches();
  }

  /** The standard string form; the spec only recommends variant 2, so any version and variant is accepted. */
  public static boolean isUuid(String value) {
    return value != null && UUID.matcher(value).matches();
  }

  /** A UUID request parameter; 400 naming {@code what} otherwise. */
  public static java.util.UUID requireUuid(String value, String what) {
    if (!isUuid(value)) {
      throw XapiException.badRequest(what + " must be a UUID");
    }
    return java.util.UUID.fromString(value);
  }

  /** An IRI request parameter (null when absent); 400 naming {@code what} when it is not one. */
  public static String requireIri(String value, String what) {
    if (value != null && !isIri(value)) {
      throw XapiException.badRequest(what + " must be an IRI");
    }
    return value;
  }

  public static boolean isSha1Hex(String value) {
    return value != null && SHA1.matcher(value).matches();
  }

  /** Hex of a SHA-224, SHA-256, SHA-384 or SHA-512 digest. */
  public static boolean isSha2Hex(String value) {
    return value != null && SHA2.matcher(value).matches();
  }

  public static boolean isLanguageTag(String value) {
    return LanguageTags.isWellFormed(value);
  }

  /** A statement's {@code version}: 1.0 or 1.0.x; under 2.0.0 also 2.0 or 2.0.x (1.0.x statements stay valid). */
  public static boolean isStatementVersion(String value, XapiVersion version) {
    if (value == null) {
      return false;
    }
    return VERSION_1.matcher(value).matches() || (version.is2() && VERSION_2.matcher(value).matches());
  }

  public static boolean isTimestamp(String value, XapiVersion version) {
    return parseTimestamp(value, version).isPresent();
  }

  /**
   * The instant a timestamp names, or empty when it breaks the version's rules. 1.0.3 takes ISO 8601 extended or
   * basic form with an optional offset (none means UTC); 2.0.0 takes RFC 3339 only, offset required. Both reject the
   * "unknown local offset" forms -00, -0000 and -00:00, which the suite checks.
   */
  public static Optional<Instant> parseTimestamp(String value, XapiVersion version) {
    if (value == null) {
      return Optional.empty();
    }
    if (version.is2()) {
      return toInstant(RFC_3339.matcher(value));
    }
    Optional<Instant> extended = toInstant(ISO_EXTENDED.matcher(value));
    return extended.isPresent() ? extended : toInstant(ISO_BASIC.matcher(value));
  }

  /**
   * A timestamp where the LRS is liberal in what it accepts (the since / until query parameters, the stored values
   * it reads back): any form 1.0.3 allows, at UTC; otherwise 400 naming {@code what}.
   */
  public static OffsetDateTime requireTimestamp(String value, String what) {
    return parseTimestamp(value, XapiVersion.V1_0_3).map(i -> i.atOffset(ZoneOffset.UTC))
        .orElseThrow(() -> XapiException.badRequest(what + " is not an ISO 8601 timestamp: " + value));
  }

  private static Optional<Instant> toInstant(Matcher m) {
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      boolean leapSecond = second == 60;
      LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
          leapSecond ? 59 : second, nanos(m.group(7)));
      Optional<ZoneOffset> offset = offset(m.group(8));
      if (offset.isEmpty()) {
        return Optional.empty();
      }
      Instant instant = local.toInstant(offset.get());
      return Optional.of(leapSecond ? instant.plusSeconds(1) : instant);
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty(); // February 30th, hour 25 and the like
    }
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    String nine = (fraction + "000000000").substring(0, 9);
    return Integer.parseInt(nine);
  }

  private static Optional<ZoneOffset> offset(String text) {
    if (text == null || text.equalsIgnoreCase("Z")) {
      return Optional.of(ZoneOffset.UTC);
    }
    String digits = text.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
    boolean negative = text.charAt(0) == '-';
    if (hours > 23 || minutes > 59 || (negative && hours == 0 && minutes == 0)) {
      return Optional.empty(); // -00:00 means "offset unknown" (RFC 3339 4.3): not a point in time
    }
    int sign = negative ? -1 : 1;
    return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
  }

  /**
   * ISO 8601:2004 4.4.3.2 duration: {@code PnYnMnDTnHnMnS} or {@code PnW}, at least one component, a fraction only
   * on the smallest component given. The alternative {@code P0003-01-00T...} form is not accepted, as the spec says.
   */
  public static boolean isDuration(String value) {
    if (value == null) {
      return false;
    }
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      return false;
    }
    if (m.group(1) != null) {
      return true; // weeks stand alone
    }
    if (m.group(5) != null && m.group(6) == null && m.group(7) == null && m.group(8) == null) {
      return false; // "T" with nothing after it
    }
    int last = 0;
    for (int g = 2; g <= 8; g++) {
      if (g != 5 && m.group(g) != null) {
        last = g;
      }
    }
    if (last == 0) {
      return false; // bare "P"
    }
    for (int g = 2; g < last; g++) {
      if (g != 5 && m.group(g) != null && (m.group(g).contains(".") || m.group(g).contains(","))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
