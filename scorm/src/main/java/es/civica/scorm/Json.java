package es.civica.scorm;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes the launcher configuration: a flat JSON object of strings and numbers, safe to place inside an HTML
 * {@code <script type="application/json">} element ({@code <}, {@code >}, {@code &} and the JavaScript line
 * separators are written as {@code \\u} escapes, so the text can neither close the element nor break parsing).
 */
final class Json {

    private Json() {
    }

    static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, field.getKey());
            out.append(':');
            Object value = field.getValue();
            if (value instanceof Number number) {
                out.append(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
            } else if (value instanceof Boolean bool) {
                out.append(bool);
            } else {
                string(out, String.valueOf(value));
            }
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
