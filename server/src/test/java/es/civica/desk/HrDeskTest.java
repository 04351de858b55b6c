package es.civica.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.content.ContentLoader;
import es.civica.content.Course;
import es.civica.content.Item;
import es.civica.content.Unit;
import es.civica.support.Answers;
import es.civica.support.DeskClient;
import es.civica.support.PlayerClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The HR desk on real certificates: learners pass the course through the player and get them issued. */
class HrDeskTest {
  private static final String PASSWORD = "correcto-caballo-bateria";
  private static TestServer server;
  private static DeskClient hr;
  private static DeskClient otherHr;
  private static DeskClient admin;
  static final Map<String, String> ids = new HashMap<>();   // learner name → certificate id
  static final Map<String, byte[]> pdfs = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(new JsonObject().put("CIVICA_CERTIFICATE_VALIDITY_MONTHS", "24")
        .put("CIVICA_VERIFY_RATE_PER_MINUTE", "100000").put("CIVICA_VERIFY_BURST", "10000"));
    Course course = ContentLoader.fromClasspath();
    for (String name : List.of("Lucía Martínez", "Pedro Gómez", "Elena Ruiz")) {
      PlayerClient c = new PlayerClient(server.baseUrl());
      String email = "l" + UUID.randomUUID().toString().substring(0, 8) + "@ayto.example";
      assertEquals(201, c.post("/api/auth/register", new JsonObject().put("email", email).put("name", name)
          .put("password", "contraseña-segura")).statusCode());
      for (Unit unit : course.units()) {
        pass(c, unit);
      }
      JsonArray mine = awaitCertificates(c);
      String id = mine.getJsonObject(0).getString("id");
      ids.put(name, id);
      HttpResponse<byte[]> pdf = c.getBytes("/api/certificates/" + id + ".pdf");
      assertEquals(200, pdf.statusCode());
      pdfs.put(name, pdf.body());
    }
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    String expired = ids.get("Elena Ruiz");
    server.app().db().query(dsl -> dsl.update(es.civica.db.generated.Tables.CERTIFICATE)
        .set(es.civica.db.generated.Tables.CERTIFICATE.EXPIRES_ON, yesterday)
        .where(es.civica.db.generated.Tables.CERTIFICATE.ID.eq(expired)).execute())
        .toCompletionStage().toCompletableFuture().get();

    DeskClient.bootstrap(server, DeskClient.account("admin@desk.example", "admin", PASSWORD));
    DeskClient.bootstrap(server, DeskClient.account("rrhh@desk.example", "hr", PASSWORD)
        .put("organisations", new JsonArray().add("ayto.example")));
    DeskClient.bootstrap(server, DeskClient.account("rrhh-otra@desk.example", "hr", PASSWORD)
        .put("organisations", new JsonArray().add("otra.example")));
    hr = signedIn("rrhh@desk.example");
    otherHr = signedIn("rrhh-otra@desk.example");
    admin = signedIn("admin@desk.example");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static DeskClient signedIn(String email) throws Exception {
    return signedIn(server, email);
  }

  static DeskClient signedIn(TestServer server, String email) throws Exception {
    DeskClient c = new DeskClient(server.baseUrl());
    assertEquals(200, c.signIn(email, PASSWORD).statusCode());
    return c;
  }

  static void pass(PlayerClient c, Unit unit) throws Exception {
    c.postJson("/api/units/" + unit.number() + "/launch", new JsonObject());
    JsonObject attempt = c.postJson("/api/units/" + unit.number() + "/quiz/attempts", new JsonObject());
    String base = "/api/units/" + unit.number() + "/quiz/attempts/" + attempt.getString("id") + "/answers";
    for (Object o : attempt.getJsonArray("items")) {
      Item item = unit.item(((JsonObject) o).getString("id")).orElseThrow();
      c.postJson(base, new JsonObject().put("item", item.id()).put("response", Answers.right(item)));
    }
  }

  static JsonArray awaitCertificates(PlayerClient c) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      JsonArray list = c.getJson("/api/certificates/mine").getJsonArray("certificates");
      if (!list.isEmpty() || System.currentTimeMillis() > deadline) {
        return list;
      }
      Thread.sleep(200);
    }
  }

  @Test
  @DisplayName("hr verifies by id (with the organisation's view) and by PDF: identical, altered")
  void verifyByIdAndPdf() throws Exception {
    String id = ids.get("Lucía Martínez");
    JsonObject v = new JsonObject(hr.get("/desk/api/certificates/" + id).body());
    assertEquals("VALID", v.getString("status"));
    assertEquals("Lucía Martínez", v.getString("holder"));
    assertEquals("ayto.example", v.getString("organisation"));
    JsonObject fromOther = new JsonObject(otherHr.get("/desk/api/certificates/" + id).body());
    assertEquals("VALID", fromOther.getString("status"));
    assertEquals(null, fromOther.getString("organisation"), "another organisation gets the public view");
    assertEquals("NOT_FOUND", new JsonObject(hr.get("/desk/api/certificates/aaaaaaaaaaaaaaaaaaaaaaaaaa").body())
        .getString("status"));

    byte[] pdf = pdfs.get("Lucía Martínez");
    JsonObject same = new JsonObject(hr.post("/desk/api/certificates/" + id + "/pdf",
        new JsonObject().put("pdf", Base64.getEncoder().encodeToString(pdf))).body());
    assertEquals("IDENTICAL", same.getString("result"));
    byte[] altered = pdf.clone();
    altered[altered.length / 2] ^= 1;
    JsonObject changed = new JsonObject(hr.post("/desk/api/certificates/" + id + "/pdf",
        new JsonObject().put("pdf", Base64.getEncoder().encodeToString(altered))).body());
    assertEquals("ALTERED", changed.getString("result"));
    assertEquals(400, hr.post("/desk/api/certificates/" + id + "/pdf", new JsonObject().put("pdf", "%%%")).statusCode());
  }

  @Test
  @DisplayName("bulk CSV: one row of each outcome, downloadable as CSV; revoke with a reason; scope; audit")
  void bulkListRevoke() throws Exception {
    String revoked = ids.get("Pedro Gómez");
    assertEquals(404, otherHr.post("/desk/api/certificates/" + revoked + "/revoke",
        new JsonObject().put("reason", "x")).statusCode(), "not in the other organisation");
    assertEquals(400, hr.post("/desk/api/certificates/" + revoked + "/revoke", new JsonObject()).statusCode());
    HttpResponse<String> r = hr.post("/desk/api/certificates/" + revoked + "/revoke",
        new JsonObject().put("reason", "Emitido por error"));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("REVOKED", new JsonObject(r.body()).getString("status"));
    assertEquals(409, hr.post("/desk/api/certificates/" + revoked + "/revoke",
        new JsonObject().put("reason", "otra vez")).statusCode());

    String csv = "nombre;n.º empleado;id certificado\n"
        + "LUCIA  MARTINEZ;E-1;" + ids.get("Lucía Martínez") + "\n"
        + "Pedro Gómez;E-2;" + revoked + "\n"
        + "Elena Ruiz;E-3;" + ids.get("Elena Ruiz").toUpperCase() + "\n"
        + "Nadie;E-4;aaaaaaaaaaaaaaaaaaaaaaaaaa\n"
        + "Otra Persona;E-5;" + ids.get("Lucía Martínez") + "\n";
    JsonObject bulk = new JsonObject(hr.post("/desk/api/certificates/bulk", new JsonObject().put("csv", csv)).body());
    List<String> outcomes = bulk.getJsonArray("rows").stream().map(o -> ((JsonObject) o).getString("outcome")).toList();
    assertEquals(List.of("valid", "revoked", "expired", "not found", "name mismatch"), outcomes);
    assertTrue(bulk.getString("csv").startsWith("line,name,employee_id,certificate_id,result,detail\r\n"));
    assertTrue(bulk.getString("csv").contains("3,Pedro Gómez,E-2," + revoked + ",revoked,Emitido por error"),
        bulk.getString("csv"));

    JsonArray list = new JsonObject(hr.get("/desk/api/certificates").body()).getJsonArray("certificates");
    List<String> listed = list.stream().map(o -> ((JsonObject) o).getString("id")).toList();
    assertTrue(listed.containsAll(ids.values()), listed.toString());
    assertEquals(0, new JsonObject(otherHr.get("/desk/api/certificates").body()).getJsonArray("certificates").size());
    JsonArray found = new JsonObject(hr.get("/desk/api/certificates?q=elena").body()).getJsonArray("certificates");
    assertEquals(1, found.size());
    assertTrue(found.getJsonObject(0).getString("expiresOn") != null);

    String audit = admin.get("/desk/api/audit?format=csv").body();
    for (String action : List.of("certificate.revoke", "certificate.bulk")) {
      assertTrue(audit.contains("rrhh@desk.example," + action), action + " in " + audit);
    }
  }

  @Test
  @DisplayName("in the browser: hr verifies by id and by PDF upload (identical, altered), revokes with a reason, "
      + "runs a bulk CSV with one row of each outcome and downloads the result; jsQR is served")
  void inTheBrowser() throws Exception {
    es.civica.support.BrowserScript.assumeAvailable();
    PlayerClient extra = new PlayerClient(server.baseUrl());
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("hr-e2e");
    java.nio.file.Path pdf = dir.resolve("certificado.pdf");
    java.nio.file.Path altered = dir.resolve("alterado.pdf");
    java.nio.file.Path csv = dir.resolve("plantilla.csv");
    byte[] bytes = pdfs.get("Elena Ruiz");
    java.nio.file.Files.write(pdf, pdfs.get("Lucía Martínez"));
    byte[] changed = pdfs.get("Lucía Martínez").clone();
    changed[changed.length / 3] ^= 1;
    java.nio.file.Files.write(altered, changed);
    // a fresh learner to revoke in the browser, so the other tests' certificates stay as they are
    String email = "l" + UUID.randomUUID().toString().substring(0, 8) + "@ayto.example";
    extra.post("/api/auth/register", new JsonObject().put("email", email).put("name", "Marta Sanz")
        .put("password", "contraseña-segura"));
    for (Unit unit : ContentLoader.fromClasspath().units()) {
      pass(extra, unit);
    }
    String toRevoke = awaitCertificates(extra).getJsonObject(0).getString("id");
    java.nio.file.Files.writeString(csv, "nombre,empleado,certificado\n"
        + "Lucía Martínez,E-1," + ids.get("Lucía Martínez") + "\n"
        + "Marta Sanz,E-2," + toRevoke + "\n"
        + "Elena Ruiz,E-3," + ids.get("Elena Ruiz") + "\n"
        + "Nadie,E-4,aaaaaaaaaaaaaaaaaaaaaaaaaa\n"
        + "Otra Persona,E-5," + ids.get("Lucía Martínez") + "\n");
    JsonObject r = DeskBrowserTest.journey(server, "hr-certificates", "rrhh@desk.example", PASSWORD, Map.of(
        "CERT_VALID", ids.get("Lucía Martínez"), "CERT_REVOKE", toRevoke, "PDF_PATH", pdf.toString(),
        "ALTERED_PATH", altered.toString(), "CSV_PATH", csv.toString()));
    assertEquals("function", r.getString("jsQR"));
    assertEquals("Idéntico al emitido", r.getString("identicalText"));
    assertTrue(r.getString("alteredText").startsWith("Alterado"));
    assertEquals(new JsonArray(List.of("valid", "revoked", "expired", "not found", "name mismatch")),
        r.getJsonArray("outcomes"));
    assertTrue(r.getString("downloaded").contains("Marta Sanz,E-2," + toRevoke + ",revoked,Emitido por error"),
        r.getString("downloaded"));
    assertEquals("REVOKED", new JsonObject(hr.get("/desk/api/certificates/" + toRevoke).body()).getString("status"));
    assertTrue(bytes.length > 0);
  }
}
