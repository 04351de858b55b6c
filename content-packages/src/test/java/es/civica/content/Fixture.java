package es.civica.content;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A writable copy of the small valid course under src/test/resources/fixture: tests break one thing in it and
 * check that the validator reports that defect, with its file and JSON path.
 */
final class Fixture {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String UNIT1 = "units/1-demo/";
    static final String UNIT4 = "units/4-local/";
    static final String ITEMS1 = UNIT1 + "items.json";
    static final String UNIT1_JSON = UNIT1 + "unit.json";
    static final String SCENARIO1 = UNIT1 + "scenario-estrategia.json";
    static final String SCENARIO4 = UNIT4 + "scenario-queja.json";

    final Path root;

    private Fixture(Path root) {
        this.root = root;
    }

    static Path original() {
        try {
            return Path.of(Fixture.class.getResource("/fixture/course.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the fixture course into {@code dir}. */
    static Fixture copyTo(Path dir) {
        Path source = original();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Fixture(dir);
    }

    JsonNode read(String file) {
        try {
            return JSON.readTree(root.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies {@code change} to the JSON object of {@code file} and writes it back. */
    Fixture edit(String file, Consumer<ObjectNode> change) {
        ObjectNode json = (ObjectNode) read(file);
        change.accept(json);
        write(file, json.toPrettyString());
        return this;
    }

    Fixture write(String file, String text) {
        try {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Fixture delete(String file) {
        try (Stream<Path> files = Files.walk(root.resolve(file))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Validates with the format checks only (the fixture is far below the course's size minimums). */
    ValidationReport validate() {
        return new ContentValidator().withMinimums(Minimums.NONE).validate(root);
    }

    ValidationReport validate(ContentValidator validator) {
        return validator.validate(root);
    }

    // -------------------------------------------------------------- JSON helpers

    static ObjectNode at(JsonNode json, String pointer) {
        return (ObjectNode) json.at(pointer);
    }

    static ArrayNode array(JsonNode json, String pointer) {
        return (ArrayNode) json.at(pointer);
    }

    // -------------------------------------------------------------- assertions

    static void assertValid(ValidationReport report) {
        if (!report.isValid()) {
            fail("expected no defect, got:\n" + list(report));
        }
    }

    /** Asserts a defect in {@code file} at {@code path} whose message contains {@code fragment}. */
    static void assertDefect(ValidationReport report, String file, String path, String fragment) {
        boolean found = report.defects().stream().anyMatch(d -> d.file().equals(file) && d.path().equals(path)
                && d.message().contains(fragment));
        assertTrue(found, "expected a defect in " + file + " at " + path + " containing \"" + fragment + "\", got:\n"
                + list(report));
    }

    static void assertWarning(ValidationReport report, String file, String path, String fragment) {
        boolean found = report.warnings().stream().anyMatch(d -> d.file().equals(file) && d.path().equals(path)
                && d.message().contains(fragment));
        assertTrue(found, "expected a warning in " + file + " at " + path + " containing \"" + fragment + "\", got:\n"
                + report.warnings().stream().map(d -> "  " + d).collect(Collectors.joining("\n")));
    }

    static String list(ValidationReport report) {
        return report.defects().stream().map(d -> "  " + d).collect(Collectors.joining("\n"));
    }
}
