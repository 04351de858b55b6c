package es.civica.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One of the browser scripts of {@code src/test/e2e} ({@code node <name>.e2e.js}: Playwright driving Chromium,
 * axe-core), run against a test server. The script prints its report as one JSON object on the last line of its
 * output and exits 1 when a step failed; its errors go to the build's output. Tests are skipped (an assumption)
 * where node, Chromium or the e2e packages are missing ({@code apt-get install -y chromium}; {@code npm ci} in
 * {@code server/src/test/e2e}).
 */
public final class BrowserScript {
  /** The folder of the scripts and their npm packages, relative to the server module (Maven's working folder). */
  private static final Path E2E = Path.of("src/test/e2e");

  private final List<String> command = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private Duration timeout = Duration.ofSeconds(240);

  private BrowserScript(String script, String... arguments) {
    command.add("node");
    command.add(script);
    command.addAll(List.of(arguments));
    environment.put("CHROMIUM", chromium());
  }

  /** {@code node <script> <arguments>} against {@code server}: BASE_URL is its base URL. */
  public static BrowserScript of(TestServer server, String script, String... arguments) {
    return new BrowserScript(script, arguments).env("BASE_URL", server.baseUrl());
  }

  /** Skips the calling test or class unless the scripts can run here: node, Chromium and {@code packages}. */
  public static void assumeAvailable(String... packages) {
    for (String name : packages) {
      assumeTrue(Files.isDirectory(E2E.resolve("node_modules").resolve(name)),
          "e2e packages missing: run npm ci in server/src/test/e2e");
    }
    assumeTrue(Files.isExecutable(Path.of(chromium())), "Chromium missing: apt-get install -y chromium");
    assumeTrue(commandWorks("node", "--version"), "node missing");
  }

  /** Skips the calling test or class unless node, Chromium and Playwright are here. */
  public static void assumeAvailable() {
    assumeAvailable("playwright-core");
  }

  /** The Chromium the scripts drive: CHROMIUM when set, else Debian's. */
  private static String chromium() {
    String configured = System.getenv("CHROMIUM");
    return configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium";
  }

  private static boolean commandWorks(String... command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** An environment variable for the script (its inputs: key files, accounts, paths). */
  public BrowserScript env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  public BrowserScript env(Map<String, String> variables) {
    environment.putAll(variables);
    return this;
  }

  /** How long the script may take before it is stopped and the test fails (240 s unless set). */
  public BrowserScript timeout(Duration limit) {
    timeout = limit;
    return this;
  }

  /**
   * Runs the script and returns its report, asserting that it finished in time, passed (exit 0; the report is in
   * the failure message otherwise) and that its pages made no request to another host.
   */
  public JsonObject run() throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(E2E.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(environment);
    Process process = builder.start();
    // read while the script runs: it blocks once the pipe is full, and the time limit must still be watched
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);   // Chromium and its helpers
      process.destroyForcibly();
      fail(String.join(" ", command) + " timed out after " + timeout.toSeconds() + " s");
    }
    String text = output.join().strip();
    JsonObject report = new JsonObject(text.substring(text.lastIndexOf('\n') + 1));
    assertEquals(0, process.exitValue(), String.join(" ", command) + " failed: " + report.encodePrettily());
    assertEquals(new JsonArray(), report.getJsonArray("external"), "external requests");
    return report;
  }

  /**
   * Runs the script like {@link #run()} and also asserts that axe-core found no serious or critical violation on
   * the pages the script checked.
   */
  public JsonObject runAndCheckAxe() throws IOException, InterruptedException {
    JsonObject report = run();
    assertEquals(new JsonArray(), report.getJsonArray("axe"), "serious or critical axe violations");
    return report;
  }
}
