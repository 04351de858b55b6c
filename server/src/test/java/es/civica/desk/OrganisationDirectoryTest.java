package es.civica.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.support.DeskClient;
import es.civica.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** The organisation directory: the admin API (admin secret) and the admin desk, its checks and its audit trail. */
class OrganisationDirectoryTest {
  private static final String PASSWORD = "correcto-caballo-bateria";
  private static TestServer server;
  private static DeskClient admin;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    assertEquals(201, DeskClient.bootstrap(server, DeskClient.account("admin@desk.example", "admin", PASSWORD))
        .statusCode());
    admin = new DeskClient(server.baseUrl());
    assertEquals(200, admin.signIn("admin@desk.example", PASSWORD).statusCode());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<String> adminApi(String method, String path, JsonObject body, boolean withSecret)
      throws Exception {
    return adminApi(server, method, path, body, withSecret);
  }

  static HttpResponse<String> adminApi(TestServer server, String method, String path, JsonObject body)
      throws Exception {
    return adminApi(server, method, path, body, true);
  }

  static HttpResponse<String> adminApi(TestServer server, String method, String path, JsonObject body,
                                       boolean withSecret) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode()))
        .header("Content-Type", "application/json");
    if (withSecret) {
      b.header("Authorization", "Bearer " + TestServer.ADMIN_SECRET);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject organisation(String name, String... domains) {
    return new JsonObject().put("name", name).put("domains", new JsonArray(List.of(domains)));
  }

  private static String error(HttpResponse<String> r) {
    return new JsonObject(r.body()).getString("error");
  }

  @Test
  @DisplayName("the admin API creates, lists and renames organisations; the id defaults to the first domain")
  void adminApi() throws Exception {
    assertEquals(401, adminApi("POST", "/admin/api/organisations", organisation("Sin clave", "sin-clave.es"), false)
        .statusCode());

    HttpResponse<String> created = adminApi("POST", "/admin/api/organisations",
        organisation("  Ayuntamiento   de Alcalá ", "Alcala.ES", "@alcala.cat"), true);
    assertEquals(201, created.statusCode(), created.body());
    JsonObject alcala = new JsonObject(created.body());
    assertEquals("alcala.es", alcala.getString("id"), "the first domain, lowercased");
    assertEquals("Ayuntamiento de Alcalá", alcala.getString("name"), "spaces tidied");
    assertEquals(new JsonArray().add("alcala.cat").add("alcala.es"), alcala.getJsonArray("domains"));

    JsonArray list = new JsonObject(adminApi("GET", "/admin/api/organisations", null, true).body())
        .getJsonArray("organisations");
    assertTrue(list.stream().anyMatch(o -> ((JsonObject) o).getString("id").equals("alcala.es")));

    HttpResponse<String> renamed = adminApi("PUT", "/admin/api/organisations/alcala.es",
        new JsonObject().put("name", "Ajuntament d'Alcalà"), true);
    assertEquals(200, renamed.statusCode(), renamed.body());
    assertEquals("Ajuntament d'Alcalà", new JsonObject(renamed.body()).getString("name"));
    assertEquals(2, new JsonObject(renamed.body()).getJsonArray("domains").size(), "domains unchanged");
    assertEquals(404, adminApi("PUT", "/admin/api/organisations/no-such.es", new JsonObject().put("name", "X"), true)
        .statusCode());

    // the player's suggestions: names only
    HttpResponse<String> names = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(server.baseUrl() + "/api/organisations")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, names.statusCode());
    JsonObject body = new JsonObject(names.body());
    assertEquals(List.of("names"), List.copyOf(body.fieldNames()));
    assertTrue(body.getJsonArray("names").contains("Ajuntament d'Alcalà"));
    assertFalse(names.body().contains("alcala.es"), "no ids or domains in the public list");
  }

  @Test
  @DisplayName("bad input is a 400 that says what is wrong; taken ids, names and domains a 409")
  void badInput() throws Exception {
    assertEquals(201, adminApi("POST", "/admin/api/organisations",
        organisation("Diputación de Prueba", "dipu-prueba.es"), true).statusCode());

    HttpResponse<String> noName = adminApi("POST", "/admin/api/organisations",
        new JsonObject().put("domains", new JsonArray().add("x.es")), true);
    assertEquals(400, noName.statusCode());
    assertTrue(error(noName).startsWith("name is required"), noName.body());
    HttpResponse<String> badDomain = adminApi("POST", "/admin/api/organisations",
        organisation("Malo", "no es un dominio"), true);
    assertEquals(400, badDomain.statusCode());
    assertTrue(error(badDomain).contains("Not an e-mail domain: no es un dominio"), badDomain.body());
    HttpResponse<String> badId = adminApi("POST", "/admin/api/organisations",
        organisation("Malo", "malo.es").put("id", "Mi Ayto!"), true);
    assertEquals(400, badId.statusCode());
    assertTrue(error(badId).startsWith("id: lowercase letters"), badId.body());
    HttpResponse<String> notArray = adminApi("POST", "/admin/api/organisations",
        new JsonObject().put("name", "Malo").put("domains", "malo.es"), true);
    assertEquals(400, notArray.statusCode());

    HttpResponse<String> takenDomain = adminApi("POST", "/admin/api/organisations",
        organisation("Otra", "otra-prueba.es", "dipu-prueba.es"), true);
    assertEquals(409, takenDomain.statusCode());
    assertEquals("The domain dipu-prueba.es belongs to the organisation dipu-prueba.es", error(takenDomain));
    HttpResponse<String> takenName = adminApi("POST", "/admin/api/organisations",
        organisation(" DIPUTACION de prueba", "otra-prueba.es"), true);
    assertEquals(409, takenName.statusCode(), "names compare ignoring case and accents");
    assertTrue(error(takenName).startsWith("Another organisation is already called"), takenName.body());
    assertEquals(409, adminApi("POST", "/admin/api/organisations",
        organisation("Otro nombre", "otra-prueba.es").put("id", "dipu-prueba.es"), true).statusCode());
    assertEquals(0, new JsonObject(adminApi("GET", "/admin/api/organisations", null, true).body())
        .getJsonArray("organisations").stream().filter(o -> ((JsonObject) o).getString("id").equals("otra-prueba.es"))
        .count(), "a refused create leaves nothing behind");
  }

  @Test
  @DisplayName("on the desk: only an admin changes the directory; every change is in the audit log; hr scopes name "
      + "directory organisations (a listed domain becomes its organisation), unknown values are a 400")
  void desk() throws Exception {
    HttpResponse<String> created = admin.post("/desk/api/organisations",
        organisation("Consell Comarcal de Prova", "prova.cat").put("id", "consell-prova"));
    assertEquals(201, created.statusCode(), created.body());
    HttpResponse<String> edited = admin.put("/desk/api/organisations/consell-prova",
        new JsonObject().put("domains", new JsonArray().add("prova.cat").add("consell-prova.cat")));
    assertEquals(200, edited.statusCode(), edited.body());
    assertEquals(new JsonArray().add("consell-prova.cat").add("prova.cat"),
        new JsonObject(edited.body()).getJsonArray("domains"));

    HttpResponse<String> hrAccount = admin.post("/desk/api/staff", DeskClient.account("rrhh@prova.cat", "hr", PASSWORD)
        .put("organisations", new JsonArray().add("prova.cat").add("altre.cat")));
    assertEquals(201, hrAccount.statusCode(), hrAccount.body());
    assertEquals(new JsonArray().add("altre.cat").add("consell-prova"),
        new JsonObject(hrAccount.body()).getJsonArray("organisations"),
        "a domain of the directory names its organisation; a bare domain outside it stays a domain");
    HttpResponse<String> unknown = admin.post("/desk/api/staff", DeskClient.account("rrhh2@prova.cat", "hr", PASSWORD)
        .put("organisations", new JsonArray().add("consell")));
    assertEquals(400, unknown.statusCode());
    assertTrue(error(unknown).startsWith("Unknown organisation consell"), unknown.body());

    DeskClient hr = new DeskClient(server.baseUrl());
    assertEquals(200, hr.signIn("rrhh@prova.cat", PASSWORD).statusCode());
    assertEquals(200, hr.get("/desk/api/organisations").statusCode(), "staff may read the directory");
    assertEquals(403, hr.post("/desk/api/organisations", organisation("Intrusa", "intrusa.es")).statusCode());
    assertEquals(403, hr.put("/desk/api/organisations/consell-prova", new JsonObject().put("name", "X")).statusCode());
    assertEquals(403, admin.postWithoutCsrf("/desk/api/organisations", organisation("Sin CSRF", "csrf.es"))
        .statusCode());

    assertEquals(201, adminApi("POST", "/admin/api/organisations", organisation("Por la API", "por-la-api.es"), true)
        .statusCode());
    JsonArray audit = new JsonObject(admin.get("/desk/api/audit").body()).getJsonArray("entries");
    JsonObject create = audit.stream().map(o -> (JsonObject) o)
        .filter(e -> e.getString("action").equals("organisation.create") && "consell-prova".equals(e.getString("target")))
        .findFirst().orElseThrow();
    assertEquals("admin@desk.example", create.getString("actor"));
    assertEquals("Consell Comarcal de Prova", create.getJsonObject("details").getString("name"));
    JsonObject update = audit.stream().map(o -> (JsonObject) o)
        .filter(e -> e.getString("action").equals("organisation.update") && "consell-prova".equals(e.getString("target")))
        .findFirst().orElseThrow();
    assertEquals(1, update.getJsonObject("details").getJsonObject("before").getJsonArray("domains").size());
    assertEquals(2, update.getJsonObject("details").getJsonObject("after").getJsonArray("domains").size());
    assertTrue(audit.stream().map(o -> (JsonObject) o).anyMatch(e -> e.getString("action").equals("organisation.create")
        && e.getString("actor").equals("admin-secret") && "por-la-api.es".equals(e.getString("target"))),
        "the admin API is audited too");
  }

  @Test
  @DisplayName("a domain added to an organisation moves the scopes written as that domain to the organisation")
  void scopesFollowTheDirectory() throws Exception {
    HttpResponse<String> hrAccount = admin.post("/desk/api/staff",
        DeskClient.account("rrhh@vella.es", "hr", PASSWORD).put("organisations", new JsonArray().add("vella.es")));
    assertEquals(201, hrAccount.statusCode(), hrAccount.body());
    assertEquals(201, admin.post("/desk/api/organisations", organisation("Ayuntamiento Nuevo", "nuevo.es", "vella.es"))
        .statusCode());
    JsonArray staff = new JsonArray(admin.get("/desk/api/staff").body());
    JsonObject moved = staff.stream().map(o -> (JsonObject) o).filter(s -> s.getString("email").equals("rrhh@vella.es"))
        .findFirst().orElseThrow();
    assertEquals(new JsonArray().add("nuevo.es"), moved.getJsonArray("organisations"));
  }
}
