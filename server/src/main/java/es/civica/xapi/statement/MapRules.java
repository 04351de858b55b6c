package es.civica.xapi.statement;

import io.vertx.core.json.JsonObject;

/** The two map-shaped xAPI types: language maps (Data 4.2) and extensions (Data 4.1). */
final class MapRules {

  private MapRules() {}

  /** Keys are RFC 5646 language tags, values are strings (null or numbers are defects). */
  static void languageMap(Object value, String path) {
    JsonObject map = Json.object(value, path);
    for (String tag : map.fieldNames()) {
      String entry = path + "[\"" + tag + "\"]";
      if (!Formats.isLanguageTag(tag)) {
        throw Json.invalid(entry, "is not keyed by a valid RFC 5646 language tag");
      }
      Object text = map.getValue(tag);
      if (text == null) {
        throw Json.invalid(entry, "must not be null");
      }
      Json.string(text, entry);
    }
  }

  /**
   * Keys must be IRIs; values are not checked at all, since "an LRS MUST NOT reject a Statement based on the values
   * of the extensions map" — null, empty strings and empty objects included.
   */
  static void extensions(Object value, String path) {
    JsonObject map = Json.object(value, path);
    for (String key : map.fieldNames()) {
      if (!Formats.isIri(key)) {
        throw Json.invalid(path + "[\"" + key + "\"]", "has a key that is not an IRI");
      }
    }
  }
}
