package es.civica.xapi.statement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the one language of a language map that best suits an {@code Accept-Language} header (RFC 9110 12.5.4,
 * matching as in RFC 4647): by quality value, then exact tag, then a more specific tag ("en" takes "en-GB"), then a
 * less specific one ("en-GB" takes "en"), then a sibling ("en-GB" takes "en-US"), and finally any language at all,
 * because format=canonical must return exactly one.
 */
final class AcceptLanguage {

  private record Range(String tag, double quality, int order) {}

  private final List<Range> ranges;

  private AcceptLanguage(List<Range> ranges) {
    this.ranges = ranges;
  }

  static AcceptLanguage parse(String header) {
    List<Range> ranges = new ArrayList<>();
    if (header != null) {
      String[] parts = header.split(",");
      for (int i = 0; i < parts.length; i++) {
        String[] fields = parts[i].trim().split(";");
        String tag = fields[0].trim();
        double quality = 1.0;
        for (int f = 1; f < fields.length; f++) {
          String parameter = fields[f].trim();
          if (parameter.toLowerCase(Locale.ROOT).startsWith("q=")) {
            quality = quality(parameter.substring(2).trim());
          }
        }
        if (!tag.isEmpty() && quality > 0) { // q=0 means "not acceptable"
          ranges.add(new Range(tag.toLowerCase(Locale.ROOT), quality, i));
        }
      }
    }
    ranges.sort(Comparator.comparingDouble(Range::quality).reversed().thenComparingInt(Range::order));
    return new AcceptLanguage(List.copyOf(ranges));
  }

  /** The key of {@code tags} to keep, or null when there are none. */
  String choose(Set<String> tags) {
    if (tags.isEmpty()) {
      return null;
    }
    for (Range range : ranges) {
      String match = match(range.tag(), tags);
      if (match != null) {
        return match;
      }
    }
    for (Range range : ranges) {
      String primary = primary(range.tag());
      for (String tag : tags) {
        if (primary(tag.toLowerCase(Locale.ROOT)).equals(primary)) {
          return tag;
        }
      }
    }
    return tags.iterator().next();
  }

  private static String match(String range, Set<String> tags) {
    if (range.equals("*")) {
      return tags.iterator().next();
    }
    for (String tag : tags) {
      if (tag.toLowerCase(Locale.ROOT).equals(range)) {
        return tag;
      }
    }
    for (String tag : tags) {
      if (tag.toLowerCase(Locale.ROOT).startsWith(range + "-")) {
        return tag;
      }
    }
    for (String shorter = truncate(range); shorter != null; shorter = truncate(shorter)) {
      for (String tag : tags) {
        if (tag.toLowerCase(Locale.ROOT).equals(shorter)) {
          return tag;
        }
      }
    }
    return null;
  }

  private static String truncate(String range) {
    int dash = range.lastIndexOf('-');
    return dash > 0 ? range.substring(0, dash) : null;
  }

  private static String primary(String tag) {
    int dash = tag.indexOf('-');
    return dash > 0 ? tag.substring(0, dash) : tag;
  }

  private static double quality(String text) {
    try {
      double q = Double.parseDouble(text);
      return q >= 0 && q <= 1 ? q : 0;
    } catch (NumberFormatException e) {
      return 0; // a malformed weight is ignored rather than trusted
    }
  }
}
