package es.civica.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/** Defensive accessors for JSON trees that may not match the schema. */
final class RawJson {
    static final JsonNode EMPTY_ARRAY = JsonNodeFactory.instance.arrayNode();

    private RawJson() {}

    /** The array at {@code field}, or an empty array when absent or not an array. */
    static JsonNode array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isArray() ? value : EMPTY_ARRAY;
    }

    /** The text at {@code field}, or "" when absent or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : "";
    }

    /** The string elements of the array at {@code field}. */
    static List<String> texts(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode value : array(node, field)) {
            if (value.isTextual()) {
                out.add(value.asText());
            }
        }
        return out;
    }
}
