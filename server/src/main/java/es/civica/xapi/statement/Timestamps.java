package es.civica.xapi.statement;

import es.civica.xapi.XapiException;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** ISO 8601 timestamps as xAPI uses them (a missing offset means UTC, as the spec says the LRS must assume). */
public final class Timestamps {
  private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).toFormatter();
  private static final DateTimeFormatter OFFSET_NO_COLON = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHmm", "Z").toFormatter();
  private static final DateTimeFormatter OFFSET_HOURS = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HH", "Z").toFormatter();

  private Timestamps() {
  }

  public static OffsetDateTime parse(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException ignored) {
      // try the other ISO 8601 forms below
    }
    for (DateTimeFormatter f : new DateTimeFormatter[] {OFFSET_NO_COLON, OFFSET_HOURS}) {
      try {
        return OffsetDateTime.parse(text, f);
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    try {
      return LocalDateTime.parse(text, LOCAL).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw XapiException.badRequest("Not an ISO 8601 timestamp: " + text);
    }
  }

  /** Formats with milliseconds and Z, the form the LRS returns. */
  public static String format(OffsetDateTime t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC)
        .with(ChronoField.NANO_OF_SECOND, t.getNano() / 1_000_000 * 1_000_000L));
  }
}
