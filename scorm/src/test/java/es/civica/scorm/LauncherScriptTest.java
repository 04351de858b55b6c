package es.civica.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the launcher scripts in node (src/test/resources/js/launcher-harness.js) against a fake window, document,
 * SCORM API and cmi5 LMS. Skipped where node is not installed; the browser run against scorm-again is separate.
 */
@DisplayName("Launcher scripts in node")
class LauncherScriptTest {

    private static Path scripts;
    private static Path harness;

    private record Result(int exitCode, String output) {
    }

    @BeforeAll
    static void findNode() throws Exception {
        Assumptions.assumeTrue(nodeAvailable(), "node is not installed");
        scripts = Fixtures.resource("/es/civica/scorm/launcher/civica-scorm-launcher.js").getParent();
        harness = Fixtures.resource("/js/launcher-harness.js");
    }

    private static boolean nodeAvailable() {
        try {
            return run(List.of("node", "--version")).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"civica-scorm-launcher.js", "civica-cmi5-launcher.js"})
    @DisplayName("the scripts parse (node --check)")
    void scriptsParse(String script) throws IOException {
        Result result = run(List.of("node", "--check", scripts.resolve(script).toString()));
        assertEquals(0, result.exitCode(), result.output());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "scorm12-session",
        "scorm12-leave-early",
        "scorm12-failed-suspends",
        "scorm2004-session",
        "scorm2004-leave-early",
        "api-on-opener",
        "cross-origin-parent",
        "search-limits",
        "init-failed",
        "cmi5-launch",
        "cmi5-fetch-refused",
        "cmi5-missing-parameters",
    })
    @DisplayName("the launcher behaves in scenario")
    void scenario(String name) throws IOException {
        Result result = run(List.of("node", harness.toString(), scripts.toString(), name));
        assertEquals(0, result.exitCode(), result.output());
        assertEquals("ok " + name, result.output().strip());
    }

    @Test
    @DisplayName("the script formats session times exactly as ScormTime does")
    void timeFormatsMatchJava() throws IOException {
        long[] millis = {0, 10, 990, 3450, 3500, 59_999, 60_000, 3_600_000, 3_723_450, 90_000_000, 36_000_000_000L};
        StringBuilder list = new StringBuilder("[");
        for (long value : millis) {
            list.append(list.length() > 1 ? "," : "").append(value);
        }
        Result result = run(List.of("node", harness.toString(), scripts.toString(), "formats", list + "]"));
        assertEquals(0, result.exitCode(), result.output());
        JsonNode json = new ObjectMapper().readTree(result.output());
        List<String> javaScorm12 = new ArrayList<>();
        List<String> javaIso = new ArrayList<>();
        List<String> scriptScorm12 = new ArrayList<>();
        List<String> scriptIso = new ArrayList<>();
        for (int i = 0; i < millis.length; i++) {
            javaScorm12.add(ScormTime.scorm12Timespan(Duration.ofMillis(millis[i])));
            javaIso.add(ScormTime.isoDuration(Duration.ofMillis(millis[i])));
            scriptScorm12.add(json.get("scorm12").get(i).asText());
            scriptIso.add(json.get("iso").get(i).asText());
        }
        assertEquals(javaScorm12, scriptScorm12);
        assertEquals(javaIso, scriptIso);
    }
}
