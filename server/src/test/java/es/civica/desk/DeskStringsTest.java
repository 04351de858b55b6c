package es.civica.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

class DeskStringsTest {
  private static JsonObject strings(String lang) throws Exception {
    return new JsonObject(Files.readString(Path.of("src/main/resources/webroot/desk/i18n/" + lang + ".json")));
  }

  @Test
  @DisplayName("the desk's Spanish, Catalan and English strings have the same keys, none empty")
  void sameKeys() throws Exception {
    JsonObject es = strings("es");
    for (String lang : new String[] {"ca", "en"}) {
      JsonObject other = strings(lang);
      assertEquals(es.fieldNames(), other.fieldNames(), lang);
      other.forEach(e -> assertTrue(!e.getValue().toString().isBlank(), lang + " " + e.getKey()));
    }
  }
}
