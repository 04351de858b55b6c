package es.civica.certificates;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON Canonicalization Scheme, <a href="https://www.rfc-editor.org/rfc/rfc8785">RFC 8785</a>:
 * no whitespace, object members sorted by the UTF-16 code units of their names, strings escaped as
 * ECMAScript's {@code JSON.stringify} does (only {@code "}, {@code \} and control characters; everything
 * else literal UTF-8), numbers serialised as ECMAScript's {@code Number.prototype.toString} (shortest
 * round-tripping digits, exponent form below 1e-6 and from 1e21).
 */
public final class Jcs {

  private Jcs() {
  }

  /** The canonical UTF-8 bytes of a JSON value. */
  public static byte[] canonicalBytes(JsonNode node) {
    return canonicalString(node).getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical text of a JSON value. */
  public static String canonicalString(JsonNode node) {
    StringBuilder out = new StringBuilder(1024);
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          names.add(it.next());
        }
        names.sort(null); // String.compareTo compares UTF-16 code units, as RFC 8785 section 3.2.3 asks
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          writeString(names.get(i), out);
          out.append(':');
          write(node.get(names.get(i)), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> out.append(number(node.doubleValue()));
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL -> out.append("null");
      default -> throw new IllegalArgumentException("Not JSON data: " + node.getNodeType());
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** ECMAScript Number.prototype.toString(10) of a finite double (ECMA-262, Number::toString). */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("JSON has no NaN or Infinity");
    }
    if (value == 0) {
      return "0"; // also for -0
    }
    String sign = value < 0 ? "-" : "";
    BigDecimal exact = new BigDecimal(Math.abs(value));
    BigDecimal shortest = exact;
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == Math.abs(value)) {
        shortest = candidate;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // value = digits × 10^(n−k)
    StringBuilder s = new StringBuilder(sign);
    if (k <= n && n <= 21) {
      s.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      s.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      s.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      s.append(digits.charAt(0));
      if (k > 1) {
        s.append('.').append(digits, 1, k);
      }
      s.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return s.toString();
  }
}
