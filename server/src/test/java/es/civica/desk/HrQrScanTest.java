package es.civica.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import es.civica.content.ContentLoader;
import es.civica.content.Unit;
import es.civica.support.BrowserScript;
import es.civica.support.DeskClient;
import es.civica.support.PlayerClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** The HR desk scans a certificate's QR code with the (fake) camera of Chromium and verifies it. */
class HrQrScanTest {
  private static final String PASSWORD = "correcto-caballo-bateria";
  private static TestServer server;
  private static String certificate;

  @BeforeAll
  static void start() throws Exception {
    BrowserScript.assumeAvailable();
    server = TestServer.start(new JsonObject().put("CIVICA_VERIFY_RATE_PER_MINUTE", "100000")
        .put("CIVICA_VERIFY_BURST", "10000"));
    PlayerClient c = new PlayerClient(server.baseUrl());
    c.post("/api/auth/register", new JsonObject().put("email", "l" + UUID.randomUUID().toString().substring(0, 8)
        + "@ayto.example").put("name", "Lucía Martínez").put("password", "contraseña-segura"));
    for (Unit unit : ContentLoader.fromClasspath().units()) {
      HrDeskTest.pass(c, unit);
    }
    certificate = HrDeskTest.awaitCertificates(c).getJsonObject(0).getString("id");
    DeskClient.bootstrap(server, DeskClient.account("rrhh@desk.example", "hr", PASSWORD)
        .put("organisations", new JsonArray().add("ayto.example")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** A Y4M video (4:2:0, 640×480, a few identical frames) of the QR code of {@code text}, black on white. */
  static byte[] qrVideo(String text) throws Exception {
    int w = 640;
    int h = 480;
    BitMatrix qr = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 360, 360);
    byte[] y = new byte[w * h];
    java.util.Arrays.fill(y, (byte) 235);
    int ox = (w - qr.getWidth()) / 2;
    int oy = (h - qr.getHeight()) / 2;
    for (int i = 0; i < qr.getWidth(); i++) {
      for (int j = 0; j < qr.getHeight(); j++) {
        if (qr.get(i, j)) {
          y[(oy + j) * w + ox + i] = 16;
        }
      }
    }
    byte[] chroma = new byte[w * h / 4];
    java.util.Arrays.fill(chroma, (byte) 128);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(("YUV4MPEG2 W" + w + " H" + h + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
    for (int f = 0; f < 5; f++) {
      out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
      out.write(y);
      out.write(chroma);
      out.write(chroma);
    }
    return out.toByteArray();
  }

  @Test
  @DisplayName("in the browser: the camera sees the certificate's QR code, jsQR decodes it, the page shows VALID")
  void scanWithTheCamera() throws Exception {
    Path video = Files.createTempFile("qr", ".y4m");
    Files.write(video, qrVideo(server.baseUrl() + "/verify/" + certificate));
    JsonObject r = BrowserScript.of(server, "desk-scan.e2e.js").env("EMAIL", "rrhh@desk.example")
        .env("PASSWORD", PASSWORD).env("VIDEO", video.toString()).timeout(Duration.ofSeconds(120)).runAndCheckAxe();
    assertEquals(certificate, r.getString("id"));
    assertEquals("VALID", r.getString("status"));
    Files.deleteIfExists(video);
  }
}
