package es.civica.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.content.ContentLoader;
import es.civica.content.Course;
import es.civica.content.Unit;
import es.civica.support.DeskClient;
import es.civica.support.PlayerClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where a learner's organisation comes from, one rule for the desks, certificates and leaderboards: the profile's
 * organisation when it names a directory organisation, else the directory organisation of the e-mail domain, else
 * the organisation of the LMS registration the learner launched through, else the e-mail domain.
 * The directory change comes last: it moves a learner the earlier tests expect outside the directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearnerOrganisationTest {
  private static final String PASSWORD = "correcto-caballo-bateria";
  private static final String ALCALA = "ayto-alcala.es";
  private static final String LMS = "http://127.0.0.1:9";
  private static TestServer server;
  private static Course course;
  private static DeskClient admin;
  private static DeskClient hr;
  private static DeskClient school;
  private static PlayerClient lucia;     // gmail, profile names the organisation
  private static PlayerClient jordi;     // a domain of the organisation, no profile organisation
  private static PlayerClient manolo;    // free text that names nothing, another domain
  private static PlayerClient lmsLearner;
  private static JsonObject registration;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    course = ContentLoader.fromClasspath();
    HttpResponse<String> org = OrganisationDirectoryTest.adminApi(server, "POST", "/admin/api/organisations",
        new JsonObject().put("id", ALCALA).put("name", "Ayuntamiento de Alcalá")
            .put("domains", new JsonArray().add(ALCALA).add("alcala.cat")));
    assertEquals(201, org.statusCode(), org.body());
    HttpResponse<String> reg = OrganisationDirectoryTest.adminApi(server, "POST", "/admin/api/lms-registrations",
        new JsonObject().put("name", "Moodle de Alcalá").put("origin", LMS).put("baseUrl", LMS)
            .put("organisation", " AYUNTAMIENTO de alcala"));
    assertEquals(201, reg.statusCode(), reg.body());
    registration = new JsonObject(reg.body());

    DeskClient.bootstrap(server, DeskClient.account("admin@desk.example", "admin", PASSWORD));
    DeskClient.bootstrap(server, DeskClient.account("rrhh@ayto-alcala.es", "hr", PASSWORD)
        .put("organisations", new JsonArray().add(ALCALA)));
    DeskClient.bootstrap(server, DeskClient.account("escuela@desk.example", "school", PASSWORD)
        .put("organisations", new JsonArray().add(ALCALA)));
    admin = HrDeskTest.signedIn(server, "admin@desk.example");
    hr = HrDeskTest.signedIn(server, "rrhh@ayto-alcala.es");
    school = HrDeskTest.signedIn(server, "escuela@desk.example");

    lucia = learner("Lucía Martínez", "lucia." + suffix() + "@gmail.com", " ayuntamiento de ALCALA ");
    jordi = learner("Jordi Puig", "jordi." + suffix() + "@alcala.cat", null);
    manolo = learner("Manolo Pérez", "manolo." + suffix() + "@otro-sitio.es", "Bar Manolo");
    for (Unit unit : course.units()) {
      HrDeskTest.pass(lucia, unit);
    }
    HrDeskTest.pass(jordi, course.unit(4).orElseThrow());
    HrDeskTest.pass(manolo, course.unit(4).orElseThrow());
    lmsLearner = launch("moodle-7731", "Serrano, Marta");
    HrDeskTest.pass(lmsLearner, course.unit(4).orElseThrow());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static PlayerClient learner(String name, String email, String organisation) throws Exception {
    PlayerClient c = new PlayerClient(server.baseUrl());
    assertEquals(201, c.post("/api/auth/register", new JsonObject().put("email", email).put("name", name)
        .put("password", "contraseña-segura")).statusCode());
    if (organisation != null) {
      assertEquals(200, c.put("/api/gamification/profile", new JsonObject().put("organisation", organisation)
          .put("department", "Comunicación")).statusCode());
    }
    return c;
  }

  /** A SCORM 1.2 launch of unit 4 from the registered LMS, exchanged for the player's frame session. */
  private static PlayerClient launch(String lmsLearnerId, String lmsName) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("bridge", "1");
    form.put("standard", "scorm12");
    form.put("dispatch", registration.getString("binding"));
    form.put("dispatchId", registration.getString("id"));
    form.put("scope", "unit");
    form.put("course", course.id());
    form.put("unit", "4");
    form.put("activityId", course.unit(4).orElseThrow().id());
    form.put("learnerId", lmsLearnerId);
    form.put("learnerName", lmsName);
    form.put("entry", "ab-initio");
    form.put("lmsOrigin", LMS);
    String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/scorm/launch"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", LMS)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(303, r.statusCode(), r.body());
    String location = r.headers().firstValue("Location").orElseThrow();
    String token = location.substring(location.indexOf("#launch=") + 8);
    JsonObject session = new PlayerClient(server.baseUrl())
        .postJson("/api/lms/session", new JsonObject().put("token", token));
    PlayerClient frame = new PlayerClient(server.baseUrl(), session.getString("session"));
    frame.postJson("/api/units/4/launch", new JsonObject());
    return frame;
  }

  private static JsonArray reportLines(DeskClient who) throws Exception {
    HttpResponse<String> r = who.get("/desk/api/report");
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body()).getJsonArray("lines");
  }

  private static long passed(JsonArray lines, int unit, String organisation) {
    return lines.stream().map(o -> (JsonObject) o)
        .filter(l -> l.getString("unit").equals(DeskClient.UNIT + unit) && organisation.equals(l.getString("organisation")))
        .mapToLong(l -> l.getLong("passed")).sum();
  }

  @Test
  @Order(1)
  @DisplayName("a gmail learner whose profile names the organisation is seen by its hr, with the certificate "
      + "stored under the organisation")
  void profileNamesTheOrganisation() throws Exception {
    JsonArray mine = HrDeskTest.awaitCertificates(lucia);
    assertEquals(1, mine.size(), "all five units passed");
    String id = mine.getJsonObject(0).getString("id");
    JsonArray listed = new JsonObject(hr.get("/desk/api/certificates").body()).getJsonArray("certificates");
    JsonObject certificate = listed.stream().map(o -> (JsonObject) o).filter(c -> c.getString("id").equals(id))
        .findFirst().orElseThrow(() -> new AssertionError("hr does not list " + id + ": " + listed));
    assertEquals(ALCALA, certificate.getString("organisation"));
    assertEquals("Ayuntamiento de Alcalá", certificate.getString("organisationName"));
    assertEquals(ALCALA, new JsonObject(hr.get("/desk/api/certificates/" + id).body()).getString("organisation"),
        "hr gets the organisation's view of it");
  }

  @Test
  @Order(2)
  @DisplayName("the school's report counts, under the organisation, the profile learner, the learner at one of its "
      + "domains and the LMS learner of its registration; not the learner whose free text names nothing")
  void schoolReport() throws Exception {
    JsonArray lines = reportLines(school);
    assertEquals(3, passed(lines, 4, ALCALA), lines.encodePrettily());
    assertEquals(1, passed(lines, 1, ALCALA), "only Lucía passed unit 1");
    assertTrue(lines.stream().allMatch(l -> ALCALA.equals(((JsonObject) l).getString("organisation"))),
        "the school sees its organisation only: " + lines.encodePrettily());
    assertEquals(1, passed(reportLines(admin), 4, "otro-sitio.es"), "free text that names nothing: the e-mail domain");
    assertTrue(lines.stream().allMatch(l -> "Ayuntamiento de Alcalá".equals(((JsonObject) l).getString("organisationName"))),
        "lines name the organisation as the directory does: " + lines.encodePrettily());
  }

  @Test
  @Order(3)
  @DisplayName("the LMS learner gets a profile (alias, the registration's organisation) at the first launch and "
      + "appears on the organisation's leaderboard")
  void lmsLearnerOnTheLeaderboard() throws Exception {
    assertEquals(ALCALA, registration.getString("organisation"), "the name given is stored as the directory id");
    JsonObject profile = lmsLearner.getJson("/api/gamification/profile");
    assertEquals("Ayuntamiento de Alcalá", profile.getString("organisation"));
    String alias = profile.getString("alias");
    assertTrue(alias.matches(".+ \\d{3}"), alias);

    long deadline = System.currentTimeMillis() + 30_000;
    JsonObject board;
    do {
      board = lucia.getJson("/api/gamification/leaderboard?scope=organisation&period=all&view=top");
      if (board.getJsonArray("entries").stream().anyMatch(e -> alias.equals(((JsonObject) e).getString("name")))) {
        break;
      }
      Thread.sleep(200);
    } while (System.currentTimeMillis() < deadline);
    assertEquals("Ayuntamiento de Alcalá", board.getString("organisation"));
    String seen = board.encodePrettily();
    assertTrue(board.getJsonArray("entries").stream().anyMatch(e -> alias.equals(((JsonObject) e).getString("name"))),
        seen);
    JsonObject mine = lmsLearner.getJson("/api/gamification/leaderboard?scope=organisation&period=all&view=top");
    assertEquals(board.getInteger("total"), mine.getInteger("total"), "both on the same board");
    assertFalse(manolo.getJson("/api/gamification/leaderboard?scope=organisation&period=all&view=top")
        .getJsonArray("entries").stream().anyMatch(e -> alias.equals(((JsonObject) e).getString("name"))),
        "a learner of another organisation does not see them");
  }

  @Test
  @Order(4)
  @DisplayName("an organisation created later takes its learners' past completions with it; an unknown "
      + "organisation on a registration is a 400")
  void directoryChangesApplyToThePast() throws Exception {
    HttpResponse<String> created = OrganisationDirectoryTest.adminApi(server, "POST", "/admin/api/organisations",
        new JsonObject().put("id", "grupo-otro").put("name", "Grupo Otro Sitio")
            .put("domains", new JsonArray().add("otro-sitio.es")));
    assertEquals(201, created.statusCode(), created.body());
    JsonArray lines = reportLines(admin);
    assertEquals(1, passed(lines, 4, "grupo-otro"), lines.encodePrettily());
    assertEquals(0, passed(lines, 4, "otro-sitio.es"));

    HttpResponse<String> unknown = OrganisationDirectoryTest.adminApi(server, "POST", "/admin/api/lms-registrations",
        new JsonObject().put("name", "Otro Moodle").put("origin", "http://127.0.0.1:10").put("baseUrl", "http://127.0.0.1:10")
            .put("organisation", "nadie.es"));
    assertEquals(400, unknown.statusCode());
    assertTrue(new JsonObject(unknown.body()).getString("error").startsWith("Unknown organisation nadie.es"),
        unknown.body());
  }
}
