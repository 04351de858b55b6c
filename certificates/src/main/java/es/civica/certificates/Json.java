package es.civica.certificates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The module's one Jackson mapper (thread-safe once configured) and small helpers around it. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final com.fasterxml.jackson.databind.ObjectWriter PRETTY =
      MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);

  private Json() {
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  static ObjectNode parseObject(String text) {
    JsonNode node = parse(text);
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("Expected a JSON object");
    }
    return object;
  }

  static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text at a path of field names, or null when any step is missing or not text. */
  static String text(JsonNode node, String... path) {
    JsonNode at = node;
    for (String step : path) {
      if (at == null) {
        return null;
      }
      at = at.get(step);
    }
    return at != null && at.isTextual() ? at.textValue() : null;
  }
}
