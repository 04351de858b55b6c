package es.civica.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import es.civica.content.ContentLoader;
import es.civica.content.Unit;
import es.civica.support.BrowserScript;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Drives Chromium through {@code src/test/e2e/certificate.e2e.js}: the holder downloads the certificate from the
 * player's catalogue; HR opens {@code /verify/{id}} on a phone viewport and compares the issued and an altered PDF.
 * Skipped when node, Chromium or the e2e packages are missing (as {@code PlayerBrowserTest}).
 */
class CertificateBrowserTest {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    BrowserScript.assumeAvailable();
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
      JsonObject report = BrowserScript.of(server, "certificate.e2e.js").env("CERT_ID", id)
          .env("PDF", issued.toString()).env("ALTERED", altered.toString()).env("COOKIE", learner.sessionToken())
          .env("QR_URL", qrUrl(pdf.body())).timeout(Duration.ofSeconds(180)).runAndCheckAxe();
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
}
