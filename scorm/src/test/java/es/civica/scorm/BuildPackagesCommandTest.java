package es.civica.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("BuildPackagesCommand")
class BuildPackagesCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String binding, String... args) {
        return BuildPackagesCommand.run(args, binding, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("builds the course and each unit in the three formats, plus the cmi5 launch page")
    void buildsEveryPackage(@TempDir Path folder) throws Exception {
        int code = run("signed.binding", "--course", Fixtures.resource("/course-info.json").toString(),
                "--out", folder.toString(), "--server", "https://civica.example.org", "--registration", "moodle-1");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        try (var files = Files.list(folder)) {
            assertEquals(18, files.filter(f -> f.toString().endsWith(".zip")).count());
        }
        assertTrue(Files.exists(folder.resolve("redes-sociales-ap-scorm2004.zip")));
        assertTrue(Files.exists(folder.resolve("redes-sociales-ap-unit-4-cmi5.zip")));
        assertTrue(Files.exists(folder.resolve("cmi5-launch/launch.html")));
        assertTrue(Files.exists(folder.resolve("cmi5-launch/civica-cmi5-launcher.js")));
        assertEquals(20, out.toString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    @DisplayName("without a binding (option or environment) it stops with a usage message")
    void requiresBinding(@TempDir Path folder) {
        int code = run(null, "--course", "c.json", "--out", folder.toString(), "--server", "https://x.org",
                "--registration", "r");
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing --binding"));
    }

    @Test
    @DisplayName("an unreadable course file is an error, not a crash")
    void badCourseFile(@TempDir Path folder) throws Exception {
        Path json = Files.writeString(folder.resolve("course.json"), "{\"courseIri\": \"not an iri\"}");
        int code = run("b", "--course", json.toString(), "--out", folder.toString(), "--server", "https://x.org",
                "--registration", "r");
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("build-scorm-packages: "));
    }
}
