package es.civica.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import es.civica.content.ContentLoader;
import es.civica.content.Unit;
import es.civica.support.PlayerClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Drives Chromium through {@code src/test/e2e/certificate.e2e.js}: the holder downloads the certificate from the
 * player's catalogue; HR opens {@code /verify/{id}} on a phone viewport and compares the issued and an altered PDF.
 * Skipped when node, Chromium or the e2e packages are missing (as {@code PlayerBrowserTest}).
 */
class CertificateBrowserTest {
  private static final Path E2E = Path.of("src/test/e2e");
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isDirectory(E2E.resolve("node_modules/playwright-core")),
        "e2e packages missing: run npm ci in server/src/test/e2e");
    assumeTrue(Files.isExecutable(Path.of(chromium())), "Chromium missing: apt-get install -y chromium");
    assumeTrue(commandWorks("node", "--version"), "node missing");
    server = TestServer.startWithPublicUrl();   // the QR code must point at this server
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("in the browser: download from the catalogue; the verify page on a phone says VÁLIDO, compares PDFs "
      + "(identical / altered), NO ENCONTRADO for an unknown id; no serious axe violation, no external request")
  void downloadAndVerify() throws Exception {
    String token = "e2e-" + UUID.randomUUID();
    PlayerClient learner = PlayerClient.registered(server, "Íñigo");
    for (Unit u : ContentLoader.fromClasspath().units()) {
      CertificateFlowTest.pass(learner, u);
    }
    JsonArray mine = CertificateFlowTest.awaitCertificates(learner, 1);
    assertEquals(1, mine.size());
    String id = mine.getJsonObject(0).getString("id");
    HttpResponse<byte[]> pdf = learner.getBytes("/api/certificates/" + id + ".pdf");
    assertEquals(200, pdf.statusCode());
    Path issued = Files.createTempFile("civica-cert", ".pdf");
    Path altered = Files.createTempFile("civica-cert-altered", ".pdf");
    try {
      Files.write(issued, pdf.body());
      Files.write(altered, CertificateFlowTest.editCredential(pdf.body(), "Íñigo", "Íñigo Otro"));
      ProcessBuilder pb = new ProcessBuilder("node", "certificate.e2e.js").directory(E2E.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().put("BASE_URL", server.baseUrl());
      pb.environment().put("CERT_ID", id);
      pb.environment().put("PDF", issued.toString());
      pb.environment().put("ALTERED", altered.toString());
      pb.environment().put("COOKIE", learner.sessionToken());
      pb.environment().put("QR_URL", qrUrl(pdf.body()));
      pb.environment().put("CHROMIUM", chromium());
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out");
      String text = new String(out, StandardCharsets.UTF_8).strip();
      JsonObject report = new JsonObject(text.substring(text.lastIndexOf('\n') + 1));
      assertEquals(0, p.exitValue(), "failed: " + report.getString("error"));
      assertEquals(new JsonArray(), report.getJsonArray("axe"), "serious or critical axe violations");
      assertEquals(new JsonArray(), report.getJsonArray("external"), "external requests");
      assertEquals(5, report.getJsonArray("checked").size());
      assertEquals(pdf.body().length, report.getInteger("downloaded"));
    } finally {
      Files.deleteIfExists(issued);
      Files.deleteIfExists(altered);
    }
  }

  /** The URL of the link over the QR code (the same as the code, as the library's verifier checks). */
  private static String qrUrl(byte[] pdf) throws IOException {
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      for (var annotation : doc.getPage(0).getAnnotations()) {
        if (annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link
            && link.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri) {
          return uri.getURI();
        }
      }
    }
    throw new AssertionError("no link over the QR code");
  }

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
}
