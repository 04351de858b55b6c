package es.civica.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema files themselves: valid draft 2020-12, identified under one base, packaged in the jar. */
class SchemaFilesTest {

    static List<String> schemaFiles() {
        return SchemaCheck.SCHEMA_FILES;
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void isAValidDraft202012SchemaOnTheClasspath(String name) throws IOException {
        JsonNode schema = read(name);
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertEquals(SchemaCheck.BASE + name, schema.path("$id").asText());
        Schema meta = SchemaRegistry.withDialect(Dialects.getDraft202012())
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<Error> errors = meta.validate(schema);
        assertTrue(errors.isEmpty(), name + ": " + errors);
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = SchemaFilesTest.class.getResourceAsStream("/content/schema/" + name)) {
            return RawContent.mapper().readTree(in);
        }
    }
}
