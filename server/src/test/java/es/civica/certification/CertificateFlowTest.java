package es.civica.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import es.civica.EventAddresses;
import es.civica.certificates.CertificateIssuer;
import es.civica.certificates.CertificateSummary;
import es.civica.certificates.CertificateVerifier;
import es.civica.certificates.IssuerPublicKey;
import es.civica.certificates.QrToken;
import es.civica.certificates.VerificationException;
import es.civica.certificates.VerifiedCertificate;
import es.civica.content.ContentLoader;
import es.civica.content.Course;
import es.civica.content.Item;
import es.civica.content.Unit;
import es.civica.support.Answers;
import es.civica.support.LrsClient;
import es.civica.support.PlayerClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The certificate flow through the real server: a learner passes the five units in the player, the certificate is
 * issued automatically (once), downloaded, its QR read from the rendered page leads to VALID; an edited credential
 * fails its signature and an edited PDF is "altered"; revocation shows REVOKED; renewal links both ways; unknown
 * ids are NOT FOUND.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificateFlowTest {
  private static final String HOLDER = "Begoña Muñoz-Ibáñez";
  private static TestServer server;
  private static Course course;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static PlayerClient learner;
  private static JsonObject certificate;
  private static byte[] pdf;

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = TestServer.start(new JsonObject()
        .put("CIVICA_HTTP_PORT", String.valueOf(port))
        .put("CIVICA_PUBLIC_URL", "http://localhost:" + port)
        .put("CIVICA_CERTIFICATE_VALIDITY_MONTHS", "24")
        .put("CIVICA_VERIFY_RATE_PER_MINUTE", "100000")
        .put("CIVICA_VERIFY_BURST", "10000"));
    course = ContentLoader.fromClasspath();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** Passes a unit's quiz through the player API, answering with the content's keys. */
  static void pass(PlayerClient c, Unit unit) throws Exception {
    c.postJson("/api/units/" + unit.number() + "/launch", new JsonObject());
    JsonObject attempt = c.postJson("/api/units/" + unit.number() + "/quiz/attempts", new JsonObject());
    String base = "/api/units/" + unit.number() + "/quiz/attempts/" + attempt.getString("id") + "/answers";
    JsonObject last = null;
    for (Object o : attempt.getJsonArray("items")) {
      Item item = unit.item(((JsonObject) o).getString("id")).orElseThrow();
      last = c.postJson(base, new JsonObject().put("item", item.id()).put("response", Answers.right(item)));
    }
    assertEquals("passed", last.getJsonObject("attempt").getString("status"), "unit " + unit.number());
  }

  /** Polls the learner's certificates until there are {@code count} (issuing is asynchronous). */
  static JsonArray awaitCertificates(PlayerClient c, int count) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      JsonArray list = c.getJson("/api/certificates/mine").getJsonArray("certificates");
      if (list.size() >= count || System.currentTimeMillis() > deadline) {
        return list;
      }
      Thread.sleep(200);
    }
  }

  static HttpResponse<String> get(String url, String accept) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> admin(String method, String path, JsonObject body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Authorization", "Bearer " + TestServer.ADMIN_SECRET).header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> upload(String id, byte[] bytes) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/verify/" + id))
        .header("Content-Type", "application/pdf").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<IssuerPublicKey> publishedKeys() throws Exception {
    HttpResponse<String> doc = get(server.baseUrl() + "/.well-known/civica-issuer.json", "application/json");
    assertEquals(200, doc.statusCode());
    return IssuerPublicKey.parseAll(doc.body());
  }

  @Test
  @Order(1)
  @DisplayName("passing all five units in the player issues one certificate automatically, downloadable by its holder")
  void issuedAutomatically() throws Exception {
    learner = registered(HOLDER);   // accents and ñ, as printed
    for (Unit u : course.units()) {
      assertEquals(0, learner.getJson("/api/certificates/mine").getJsonArray("certificates").size(),
          "no certificate before unit " + u.number() + " is passed");
      pass(learner, u);
    }
    JsonArray mine = awaitCertificates(learner, 1);
    assertEquals(1, mine.size(), mine.encodePrettily());
    certificate = mine.getJsonObject(0);
    assertEquals("VALID", certificate.getString("status"));
    assertEquals(HOLDER, certificate.getString("holder"));
    assertEquals(course.certificateHours(), certificate.getInteger("hours"));
    assertEquals(course.title(), certificate.getJsonObject("course").getString("title"));
    JsonArray units = certificate.getJsonArray("units");
    assertEquals(5, units.size());
    for (int i = 0; i < 5; i++) {
      assertEquals(i + 1, units.getJsonObject(i).getInteger("number"));
      assertEquals(1.0, units.getJsonObject(i).getDouble("scaledScore"));
      assertEquals(LocalDate.now(java.time.ZoneOffset.UTC).toString(), units.getJsonObject(i).getString("passedOn"));
    }
    LocalDate issued = LocalDate.parse(certificate.getString("issuedOn"));
    assertEquals(issued.plusMonths(24).minusDays(1).toString(), certificate.getString("expiresOn"));
    String id = certificate.getString("id");
    assertTrue(id.matches("[a-z2-7]{26}"), id);
    assertFalse(certificate.containsKey("learnerId"), "the learner's view does not need internal fields");

    HttpResponse<byte[]> download = learner.getBytes(certificate.getString("pdf"));
    assertEquals(200, download.statusCode());
    assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
    pdf = download.body();
    JsonObject record = new JsonObject(admin("GET", "/admin/api/certificates/" + id, null).body());
    assertEquals(CertificateIssuer.sha256Hex(pdf), record.getString("sha256"), "the PDF served is the one fingerprinted");
    assertEquals("ayto.example", record.getString("organisation"));

    // another learner cannot download it, and the answer does not say it exists
    PlayerClient other = registered("Otra Persona");
    HttpResponse<String> refused = other.get(certificate.getString("pdf"));
    assertEquals(404, refused.statusCode());
    assertEquals(404, other.get("/api/certificates/" + CertificateIds.random() + ".pdf").statusCode());
    assertEquals(401, HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/certificates/mine")).GET()
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  @Order(2)
  @DisplayName("the same evidence delivered again (event re-published, rechecks in parallel) issues no second certificate; "
      + "the issue is an xAPI statement and an audit entry")
  void idempotentAndRecorded() throws Exception {
    String id = certificate.getString("id");
    String learnerId = new JsonObject(learner.get("/api/me").body()).getString("id");
    LrsClient lrs = server.credential("Escuela", "statements/read");
    String agent = new JsonObject().put("account", new JsonObject()
        .put("homePage", server.app().settings().publicUrl()).put("name", learnerId)).encode();
    JsonArray passed = lrs.query(Map.of("agent", agent, "verb", Eligibility.PASSED)).getJsonArray("statements");
    assertEquals(10, passed.size(), "quiz and unit, five times");
    server.app().vertx().eventBus().publish(EventAddresses.LRS_STATEMENT_STORED,
        new JsonObject().put("statements", passed));
    CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> call(() ->
        admin("POST", "/admin/api/certificates/recheck", null)));
    CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> call(() ->
        admin("POST", "/admin/api/certificates/recheck", null)));
    assertEquals(200, a.get().statusCode());
    assertEquals(200, b.get().statusCode());
    assertEquals(0, new JsonObject(a.get().body()).getJsonArray("issued").size());
    Thread.sleep(1500);
    assertEquals(1, learner.getJson("/api/certificates/mine").getJsonArray("certificates").size());

    JsonArray achieved = lrs.query(Map.of("agent", agent, "verb", CertificateRegistry.VERB_ACHIEVED))
        .getJsonArray("statements");
    assertEquals(1, achieved.size());
    JsonObject s = achieved.getJsonObject(0);
    assertEquals(server.app().settings().publicUrl() + "/verify/" + id, s.getJsonObject("object").getString("id"));
    assertEquals(CertificateRegistry.TYPE_CERTIFICATE,
        s.getJsonObject("object").getJsonObject("definition").getString("type"));
    assertEquals(id, s.getJsonObject("context").getJsonObject("extensions")
        .getString(CertificateRegistry.EXT + "certificate-id"));
    assertEquals(course.id(), s.getJsonObject("context").getJsonObject("contextActivities").getJsonArray("parent")
        .getJsonObject(0).getString("id"));

    JsonArray audit = new JsonObject(admin("GET", "/admin/api/certificates/audit?certificate=" + id, null).body())
        .getJsonArray("entries");
    assertEquals(1, audit.size());
    assertEquals("issued", audit.getJsonObject(0).getString("action"));
    assertEquals("system", audit.getJsonObject(0).getString("actor"));
  }

  @Test
  @Order(3)
  @DisplayName("the QR decoded from the rasterised page leads to VALID with every field; its token and the PDF "
      + "verify against the published key")
  void qrLeadsToValid() throws Exception {
    String qr = readQr(pdf);
    String id = certificate.getString("id");
    assertTrue(qr.startsWith(server.baseUrl() + "/verify/" + id + "#t="), qr);

    // what a phone does: the fragment stays in the browser
    String url = QrToken.verificationUrlOf(qr);
    HttpResponse<String> json = get(url, "application/json");
    assertEquals(200, json.statusCode());
    assertEquals("no-store", json.headers().firstValue("Cache-Control").orElse(""));
    JsonObject v = new JsonObject(json.body());
    assertEquals("VALID", v.getString("status"));
    assertEquals("VÁLIDO", v.getString("statusText"));
    assertEquals(HOLDER, v.getString("holder"));
    assertEquals(certificate.getJsonArray("units"), v.getJsonArray("units"));
    assertEquals(certificate.getString("issuedOn"), v.getString("issuedOn"));
    assertEquals(certificate.getString("expiresOn"), v.getString("expiresOn"));
    assertEquals(CertificateSettings.DEFAULT_ISSUER_NAME, v.getJsonObject("issuer").getString("name"));
    for (String secret : List.of("\"sha256\"", "\"learnerId\"", "\"email\"", "\"organisation\"", "ayto.example")) {
      assertFalse(json.body().contains(secret), "the public answer reveals " + secret);
    }

    HttpResponse<String> html = get(url, "text/html,application/xhtml+xml");
    assertEquals(200, html.statusCode());
    assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(html.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    String page = html.body();
    assertTrue(page.contains("name=\"viewport\""));
    assertTrue(page.contains("data-status=\"VALID\">VÁLIDO</h1>"), page);
    assertTrue(page.contains(HOLDER));
    assertTrue(page.contains(VerifyPage.date(LocalDate.parse(v.getString("issuedOn")))));
    assertTrue(page.contains(VerifyPage.date(LocalDate.parse(v.getString("expiresOn")))));
    for (Unit u : course.units()) {
      assertTrue(page.contains("Unidad " + u.number() + ". " + VerifyPage.esc(u.title())), "unit " + u.number());
    }
    assertTrue(page.contains("100\u00a0%"));
    assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external resource");

    List<IssuerPublicKey> keys = publishedKeys();
    CertificateSummary fromToken = QrToken.verify(QrToken.tokenOf(qr), keys);
    assertEquals(HOLDER, fromToken.holderName());
    assertEquals(id, fromToken.id());
    VerifiedCertificate offline = new CertificateVerifier(keys).verify(pdf);
    assertEquals(id, offline.summary().id());
    assertEquals(5, offline.units().size());
  }

  @Test
  @Order(4)
  @DisplayName("an edited credential fails its signature; an edited PDF is 'altered', the issued one 'identical'")
  void tampering() throws Exception {
    String id = certificate.getString("id");
    byte[] edited = editCredential(pdf, HOLDER, "Begoña Muñoz-Ibáñez y Otro");
    VerificationException e = assertThrows(VerificationException.class,
        () -> new CertificateVerifier(publishedKeys()).verify(edited));
    assertTrue(e.getMessage().contains("firma"), e.getMessage());

    JsonObject same = new JsonObject(upload(id, pdf).body());
    assertEquals("IDENTICAL", same.getString("result"));
    assertEquals("Idéntico al emitido", same.getString("resultText"));
    assertTrue(same.getBoolean("identical"));
    assertEquals("VALID", same.getString("status"));

    JsonObject altered = new JsonObject(upload(id, edited).body());
    assertEquals("ALTERED", altered.getString("result"));
    assertTrue(altered.getString("resultText").startsWith("Alterado"));
    assertFalse(altered.getBoolean("identical"));

    byte[] oneByte = pdf.clone();
    oneByte[oneByte.length / 2] ^= 1;
    assertEquals("ALTERED", new JsonObject(upload(id, oneByte).body()).getString("result"));
    assertEquals(400, upload(id, new byte[0]).statusCode());
  }

  @Test
  @Order(5)
  @DisplayName("unknown and malformed ids answer NOT FOUND with the same shape, page and JSON")
  void notFound() throws Exception {
    for (String id : List.of(CertificateIds.random(), "no-such-thing", "AAAAAAAAAAAAAAAAAAAAAAAAAA")) {
      HttpResponse<String> json = get(server.baseUrl() + "/verify/" + id, "application/json");
      assertEquals(404, json.statusCode());
      assertEquals(new JsonObject().put("id", id).put("status", "NOT_FOUND").put("statusText", "NO ENCONTRADO"),
          new JsonObject(json.body()));
      HttpResponse<String> html = get(server.baseUrl() + "/verify/" + id, "text/html");
      assertEquals(404, html.statusCode());
      assertTrue(html.body().contains("data-status=\"NOT_FOUND\">NO ENCONTRADO</h1>"));
      assertEquals("NOT_FOUND", new JsonObject(upload(id, pdf).body()).getString("result"));
    }
    HttpResponse<String> xss = get(server.baseUrl() + "/verify/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "text/html");
    assertFalse(xss.body().contains("<script>alert"), "the id is escaped");
  }

  @Test
  @Order(6)
  @DisplayName("an admin revokes with a reason (audit-logged); page and JSON then say REVOKED with date and reason")
  void revoke() throws Exception {
    String id = certificate.getString("id");
    String path = "/admin/api/certificates/" + id + "/revoke";
    HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, anonymous.statusCode());
    assertEquals(400, admin("POST", path, new JsonObject()).statusCode());
    assertEquals(404, admin("POST", "/admin/api/certificates/" + CertificateIds.random() + "/revoke",
        new JsonObject().put("reason", "x")).statusCode());

    // read just before (the public page keeps recently verified records): the revocation must show at once
    assertEquals("VALID", new JsonObject(get(server.baseUrl() + "/verify/" + id, "application/json").body())
        .getString("status"));
    String reason = "Emitido por error: la calificación de la unidad 3 se anuló";
    HttpResponse<String> ok = admin("POST", path, new JsonObject().put("reason", reason).put("actor", "Marta (RR. HH.)"));
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(409, admin("POST", path, new JsonObject().put("reason", "otra vez")).statusCode());

    JsonObject v = new JsonObject(get(server.baseUrl() + "/verify/" + id, "application/json").body());
    assertEquals("REVOKED", v.getString("status"));
    assertEquals(reason, v.getJsonObject("revocation").getString("reason"));
    assertEquals(LocalDate.now(java.time.ZoneOffset.UTC).toString(), v.getJsonObject("revocation").getString("date"));
    assertNull(v.getJsonObject("revocation").getString("by"), "who revoked is for the audit log, not the public");
    String page = get(server.baseUrl() + "/verify/" + id, "text/html").body();
    assertTrue(page.contains("data-status=\"REVOKED\">REVOCADO</h1>"));
    assertTrue(page.contains(VerifyPage.esc(reason)));
    assertEquals("REVOKED", new JsonObject(upload(id, pdf).body()).getString("status"),
        "an identical PDF of a revoked certificate is still revoked");

    JsonArray audit = new JsonObject(admin("GET", "/admin/api/certificates/audit?certificate=" + id, null).body())
        .getJsonArray("entries");
    assertEquals(List.of("revoked", "issued"), audit.stream().map(o -> ((JsonObject) o).getString("action")).toList());
    assertEquals("admin:Marta (RR. HH.)", audit.getJsonObject(0).getString("actor"));
    assertEquals(reason, audit.getJsonObject(0).getJsonObject("details").getString("reason"));
    assertEquals("REVOKED", learner.getJson("/api/certificates/mine").getJsonArray("certificates").getJsonObject(0)
        .getString("status"));
  }

  @Test
  @Order(7)
  @DisplayName("a renewal is a new certificate that links to the one it replaces, and back")
  void renew() throws Exception {
    String old = certificate.getString("id");
    HttpResponse<String> r = admin("POST", "/admin/api/certificates/" + old + "/renew",
        new JsonObject().put("actor", "Marta (RR. HH.)"));
    assertEquals(201, r.statusCode(), r.body());
    JsonObject renewed = new JsonObject(r.body());
    String id = renewed.getString("id");
    assertNotEquals(old, id);
    assertEquals(old, renewed.getString("replaces"));
    assertEquals(409, admin("POST", "/admin/api/certificates/" + old + "/renew", null).statusCode());

    JsonObject v = new JsonObject(get(server.baseUrl() + "/verify/" + id, "application/json").body());
    assertEquals("VALID", v.getString("status"));
    assertEquals(old, v.getString("replaces"));
    assertEquals(certificate.getJsonArray("units"), v.getJsonArray("units"));
    assertEquals(id, new JsonObject(get(server.baseUrl() + "/verify/" + old, "application/json").body())
        .getString("replacedBy"));
    assertEquals(2, learner.getJson("/api/certificates/mine").getJsonArray("certificates").size());
    byte[] renewedPdf = learner.getBytes("/api/certificates/" + id + ".pdf").body();
    VerifiedCertificate offline = new CertificateVerifier(publishedKeys()).verify(renewedPdf);
    assertTrue(offline.credentialJson().contains("\"replacesCertificateId\" : \"" + old + "\"")
        || offline.credentialJson().contains("\"replacesCertificateId\":\"" + old + "\""), offline.credentialJson());
    JsonArray list = new JsonObject(admin("GET", "/admin/api/certificates?organisation=ayto.example&q=muñoz", null)
        .body()).getJsonArray("certificates");
    assertEquals(2, list.size());
  }

  @Test
  @Order(8)
  @DisplayName("past its last valid day a certificate is EXPIRED (CADUCADO) on the page and in JSON")
  void expired() throws Exception {
    // a certificate nobody has verified yet: time is simulated by editing the row behind the server's back, which the
    // public page's record cache (fed only by this server's own changes) would not see
    PlayerClient holder = registered("Caducada Pérez");
    for (Unit u : ContentLoader.fromClasspath().units()) {
      pass(holder, u);
    }
    String id = awaitCertificates(holder, 1).getJsonObject(0).getString("id");
    LocalDate yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
    server.app().db().query(dsl -> dsl.update(es.civica.db.generated.Tables.CERTIFICATE)
        .set(es.civica.db.generated.Tables.CERTIFICATE.EXPIRES_ON, yesterday)
        .where(es.civica.db.generated.Tables.CERTIFICATE.ID.eq(id)).execute()).toCompletionStage().toCompletableFuture()
        .get();
    JsonObject v = new JsonObject(get(server.baseUrl() + "/verify/" + id, "application/json").body());
    assertEquals("EXPIRED", v.getString("status"));
    assertEquals("CADUCADO", v.getString("statusText"));
    assertEquals(yesterday.toString(), v.getString("expiresOn"));
    String page = get(server.baseUrl() + "/verify/" + id, "text/html").body();
    assertTrue(page.contains("data-status=\"EXPIRED\">CADUCADO</h1>"));
    assertTrue(page.contains("su validez terminó el " + VerifyPage.date(yesterday)));
  }

  @Test
  @Order(9)
  @DisplayName("a 'passed' statement that another LRS client posts does not count: only server-scored passes do")
  void forgedPassDoesNotCount() throws Exception {
    PlayerClient c = registered("Cándido Forjador");
    for (Unit u : course.units().subList(0, 4)) {
      pass(c, u);
    }
    Unit five = course.units().get(4);
    String registration = c.postJson("/api/units/5/launch", new JsonObject()).getString("registration");
    String learnerId = new JsonObject(c.get("/api/me").body()).getString("id");
    LrsClient forger = server.credential("Otro cliente", "statements/write");
    forger.store(new JsonObject()
        .put("id", UUID.randomUUID().toString())
        .put("actor", new JsonObject().put("objectType", "Agent").put("account", new JsonObject()
            .put("homePage", server.app().settings().publicUrl()).put("name", learnerId)))
        .put("verb", new JsonObject().put("id", Eligibility.PASSED))
        .put("object", new JsonObject().put("objectType", "Activity").put("id", five.id()))
        .put("result", new JsonObject().put("success", true).put("score", new JsonObject().put("scaled", 1.0)))
        .put("context", new JsonObject().put("registration", registration)));
    assertEquals(200, admin("POST", "/admin/api/certificates/recheck", null).statusCode());
    Thread.sleep(1000);
    assertEquals(0, c.getJson("/api/certificates/mine").getJsonArray("certificates").size());
    pass(c, five);
    assertEquals(1, awaitCertificates(c, 1).size());
  }

  // ---- helpers

  private static PlayerClient registered(String name) throws Exception {
    PlayerClient c = new PlayerClient(server.baseUrl());
    String email = "p" + UUID.randomUUID() + "@ayto.example";
    HttpResponse<String> r = c.post("/api/auth/register",
        new JsonObject().put("email", email).put("name", name).put("password", "contraseña-segura"));
    assertEquals(201, r.statusCode(), r.body());
    return c;
  }

  /**
   * Rasterises the page (PDFBox) and decodes its QR code (ZXing) as a scanner would: like the library's verifier,
   * it tries a thresholded (no anti-aliasing) and a smooth rendering at 200, 150 and 300 dpi, because ZXing's
   * detector misses about one symbol in a hundred at any single setting.
   */
  static String readQr(byte[] pdfBytes) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdfBytes)) {
      PDFRenderer renderer = new PDFRenderer(doc);
      java.awt.RenderingHints crisp = new java.awt.RenderingHints(java.awt.RenderingHints.KEY_ANTIALIASING,
          java.awt.RenderingHints.VALUE_ANTIALIAS_OFF);
      for (java.awt.RenderingHints hints : new java.awt.RenderingHints[] {crisp, null}) {
        renderer.setRenderingHints(hints);
        for (float dpi : new float[] {200, 150, 300}) {
          BufferedImage page = renderer.renderImageWithDPI(0, dpi, ImageType.GRAY);
          try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, true))
                .getText();
          } catch (com.google.zxing.ReaderException e) {
            // next setting
          }
        }
      }
    }
    throw new AssertionError("no QR code read from the rendered page");
  }

  /** The PDF with its attached credential.json changed: one name replaced by another. */
  static byte[] editCredential(byte[] original, String from, String to) throws Exception {
    try (PDDocument doc = Loader.loadPDF(original)) {
      PDComplexFileSpecification spec = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
          .get("credential.json");
      String json = new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
      assertTrue(json.contains(from));
      byte[] changed = json.replace(from, to).getBytes(StandardCharsets.UTF_8);
      PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(changed));
      file.setSubtype("application/json");
      file.setSize(changed.length);
      spec.setEmbeddedFile(file);
      spec.setEmbeddedFileUnicode(file);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private interface Call<T> {
    T run() throws Exception;
  }

  private static <T> T call(Call<T> c) {
    try {
      return c.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
