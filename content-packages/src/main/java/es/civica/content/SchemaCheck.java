package es.civica.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates each file against its JSON Schema (draft 2020-12) from {@code schema/}. The schemas are read from the
 * content root's {@code schema/} folder when it has one, otherwise from this module's classpath
 * ({@code content/schema/}).
 */
final class SchemaCheck {

    /** Base IRI of the schemas' {@code $id}s. */
    static final String BASE = "https://civica.app/schema/content/";

    /** The annotation keyword flagging learner-facing text; registered so it never affects validation. */
    static final String TRANSLATABLE = "x-translatable";

    static final List<String> SCHEMA_FILES = List.of("common.schema.json", "course.schema.json",
            "unit.schema.json", "items.schema.json", "scenario.schema.json", "simulation.schema.json",
            "i18n.schema.json", "gamification.schema.json");

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new HashMap<>();

    SchemaCheck(Path contentRoot) {
        Path dir = contentRoot.resolve("schema");
        boolean local = Files.isDirectory(dir);
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .keyword(new AnnotationKeyword(TRANSLATABLE))
                .build();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
        this.registry = SchemaRegistry.withDialect(dialect, builder -> builder
                .schemaRegistryConfig(config)
                .schemas(iri -> iri.startsWith(BASE) ? read(local ? dir : null, iri.substring(BASE.length())) : null));
    }

    /** Validates {@code json} (the content of {@code file}) against {@code schemaFile}. */
    void check(String schemaFile, String file, JsonNode json, Findings findings) {
        Schema schema = schemas.computeIfAbsent(schemaFile,
                name -> registry.getSchema(SchemaLocation.of(BASE + name)));
        for (Error error : schema.validate(json)) {
            String path = error.getInstanceLocation() == null ? "$" : error.getInstanceLocation().toString();
            findings.defect(file, path, "schema " + schemaFile + ": " + readable(error.getMessage()));
        }
    }

    /** A forbidden field is a {@code false} schema; say so in plain words. */
    private static String readable(String message) {
        return message.replaceAll("^schema for '([^']*)' is false$", "field '$1' is not allowed here (it belongs to another type)");
    }

    private static String read(Path dir, String name) {
        if (!SCHEMA_FILES.contains(name)) {
            return null;
        }
        try {
            if (dir != null) {
                return Files.readString(dir.resolve(name));
            }
            try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream("content/schema/" + name)) {
                if (in == null) {
                    throw new ContentException("schema " + name + " is neither in the content folder nor on the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + name, e);
        }
    }
}
