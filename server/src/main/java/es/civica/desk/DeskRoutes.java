package es.civica.desk;

import es.civica.content.Course;
import es.civica.content.Unit;
import es.civica.xapi.auth.Credential;
import es.civica.xapi.auth.CredentialAuthenticator;
import es.civica.xapi.auth.CredentialStore;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The desks at {@code /desk}: the page, and its API under {@code /desk/api}. Sessions are the cookie
 * {@value #COOKIE} (HttpOnly, SameSite=Strict, Path=/desk, Secure when the public URL is https); every
 * POST/PUT/DELETE must be JSON and carry the session's CSRF token in {@value #CSRF_HEADER} (sign-in excepted: it
 * has no session yet). The completion feed is read with HTTP Basic (a school's own LRS credential).
 */
public final class DeskRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(DeskRoutes.class);
  public static final String COOKIE = "civica_desk";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String API = "/desk/api";
  private static final String SESSION = "deskSession";
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}$");
  private static final Pattern ORGANISATION = Pattern.compile("^[a-z0-9][a-z0-9.-]{0,189}$");
  private static final int MIN_PASSWORD = 12;
  private static final int FEED_LIMIT = 500;

  private final DeskService desk;
  private final CredentialAuthenticator authenticator;
  private final Course course;
  private final Set<String> unitIris;
  private final boolean secureCookie;
  private final HrDesk hr;
  private final DirectoryRoutes directory;

  public DeskRoutes(DeskService desk, CredentialAuthenticator authenticator, Course course, boolean secureCookie,
                    HrDesk hr) {
    this.desk = desk;
    this.hr = hr;
    this.authenticator = authenticator;
    this.course = course;
    this.unitIris = course.units().stream().map(Unit::id).collect(java.util.stream.Collectors.toSet());
    this.secureCookie = secureCookie;
    this.directory = new DirectoryRoutes(desk);
  }

  public void mount(Router router) {
    router.get("/desk").handler(ctx -> {
      if (ctx.request().path().equals("/desk")) {
        ctx.redirect("/desk/");
      } else {
        ctx.next();
      }
    });
    router.route(API + "/*").handler(this::noStore).handler(this::requireJsonBody);

    router.post(API + "/signin").handler(this::signIn);
    router.get(API + "/feed").handler(this::feed);
    router.route(API + "/*").handler(this::authenticate).handler(this::checkCsrf);
    router.post(API + "/signout").handler(this::signOut);
    router.get(API + "/me").handler(this::me);

    router.get(API + "/staff").handler(role(Staff.Role.ADMIN)).handler(this::listStaff);
    router.post(API + "/staff").handler(role(Staff.Role.ADMIN)).handler(this::createStaff);
    router.delete(API + "/staff/:id").handler(role(Staff.Role.ADMIN)).handler(this::disableStaff);
    router.get(API + "/audit").handler(role(Staff.Role.ADMIN)).handler(this::audit);
    router.get(API + "/organisations").handler(directory::list);
    router.post(API + "/organisations").handler(role(Staff.Role.ADMIN))
        .handler(ctx -> directory.create(ctx, actor(ctx)));
    router.put(API + "/organisations/:id").handler(role(Staff.Role.ADMIN))
        .handler(ctx -> directory.update(ctx, actor(ctx)));

    router.get(API + "/credentials").handler(role(Staff.Role.SCHOOL)).handler(this::listCredentials);
    router.post(API + "/credentials").handler(role(Staff.Role.SCHOOL)).handler(this::createCredential);
    router.post(API + "/credentials/:id/rotate").handler(role(Staff.Role.SCHOOL)).handler(this::rotateCredential);
    router.delete(API + "/credentials/:id").handler(role(Staff.Role.SCHOOL)).handler(this::revokeCredential);
    router.get(API + "/report").handler(role(Staff.Role.SCHOOL, Staff.Role.HR)).handler(this::report);
    router.get(API + "/certificates").handler(role(Staff.Role.HR)).handler(this::listCertificates);
    router.post(API + "/certificates/bulk").handler(role(Staff.Role.HR)).handler(this::bulkVerify);
    router.get(API + "/certificates/:id").handler(role(Staff.Role.HR)).handler(this::verifyCertificate);
    router.post(API + "/certificates/:id/pdf").handler(role(Staff.Role.HR)).handler(this::comparePdf);
    router.post(API + "/certificates/:id/revoke").handler(role(Staff.Role.HR)).handler(this::revokeCertificate);
    router.get(API + "/analytics/units/:n/items").handler(role(Staff.Role.SCHOOL)).handler(this::itemAnalysis);
    router.get(API + "/analytics/units/:n/scenarios").handler(role(Staff.Role.SCHOOL)).handler(this::scenarios);

    router.route("/desk/*").handler(this::securityHeaders)
        .handler(StaticHandler.create("webroot/desk").setMaxAgeSeconds(60).setIndexPage("index.html"));
  }

  /** The bootstrap of accounts through the admin API (admin secret); mounted under the admin tree. */
  public void mountAdmin(Router router, String adminPrefix) {
    router.post(adminPrefix + "/desk-users").handler(this::bootstrapStaff);
    router.get(adminPrefix + "/organisations").handler(directory::list);
    router.post(adminPrefix + "/organisations").handler(ctx -> directory.create(ctx, secretHolder(ctx)));
    router.put(adminPrefix + "/organisations/:id").handler(ctx -> directory.update(ctx, secretHolder(ctx)));
  }

  // ---- guards

  private void noStore(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    ctx.next();
  }

  private void requireJsonBody(RoutingContext ctx) {
    HttpMethod m = ctx.request().method();
    if (m == HttpMethod.GET || m == HttpMethod.HEAD) {
      ctx.next();
      return;
    }
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      error(ctx, 415, "Send application/json");
      return;
    }
    ctx.next();
  }

  private void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "same-origin");
    ctx.next();
  }

  private void authenticate(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie == null || cookie.getValue().isBlank()) {
      error(ctx, 401, "Sign in first");
      return;
    }
    desk.session(cookie.getValue()).onComplete(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
      } else if (r.result().isEmpty()) {
        error(ctx, 401, "Sign in first");
      } else {
        ctx.put(SESSION, r.result().get());
        ctx.next();
      }
    });
  }

  /** Synchronizer token: state-changing requests carry the session's CSRF token in a header. */
  private void checkCsrf(RoutingContext ctx) {
    HttpMethod m = ctx.request().method();
    if (m == HttpMethod.GET || m == HttpMethod.HEAD) {
      ctx.next();
      return;
    }
    String sent = ctx.request().getHeader(CSRF_HEADER);
    String expected = session(ctx).csrf();
    if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8))) {
      error(ctx, 403, "Missing or wrong " + CSRF_HEADER);
      return;
    }
    ctx.next();
  }

  /** Only these roles (an admin may do everything). */
  private io.vertx.core.Handler<RoutingContext> role(Staff.Role... roles) {
    Set<Staff.Role> allowed = Set.of(roles);
    return ctx -> {
      Staff.Role r = staff(ctx).role();
      if (r == Staff.Role.ADMIN || allowed.contains(r)) {
        ctx.next();
      } else {
        error(ctx, 403, "Your role may not do this");
      }
    };
  }

  // ---- sign-in

  private void signIn(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body == null || body.getString("email") == null || body.getString("password") == null) {
      error(ctx, 400, "email and password are required");
      return;
    }
    desk.signIn(body.getString("email"), body.getString("password"), clientIp(ctx)).onComplete(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
        return;
      }
      if (r.result() instanceof StaffStore.SignIn.Ok ok) {
        Cookie cookie = Cookie.cookie(COOKIE, ok.token()).setPath("/desk").setHttpOnly(true)
            .setSameSite(CookieSameSite.STRICT).setSecure(secureCookie)
            .setMaxAge(StaffStore.SESSION_LIFETIME.toSeconds());
        ctx.response().addCookie(cookie);
        ctx.json(new JsonObject().put("staff", ok.staff().toJson()).put("csrf", ok.csrf()));
      } else if (r.result() instanceof StaffStore.SignIn.Locked locked) {
        long seconds = Math.max(1, Duration.between(OffsetDateTime.now(ZoneOffset.UTC), locked.until()).toSeconds());
        ctx.response().putHeader("Retry-After", String.valueOf(seconds));
        error(ctx, 429, "Too many failed sign-ins: account locked until " + locked.until());
      } else {
        error(ctx, 401, "Wrong e-mail or password");
      }
    });
  }

  private void signOut(RoutingContext ctx) {
    desk.signOut(actor(ctx), ctx.request().getCookie(COOKIE).getValue()).onComplete(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
        return;
      }
      ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/desk").setHttpOnly(true)
          .setSameSite(CookieSameSite.STRICT).setSecure(secureCookie).setMaxAge(0));
      ctx.response().setStatusCode(204).end();
    });
  }

  private void me(RoutingContext ctx) {
    StaffStore.Session s = session(ctx);
    ctx.json(new JsonObject().put("staff", s.staff().toJson()).put("csrf", s.csrf())
        .put("units", new JsonArray(unitIris.stream().sorted().toList())));
  }

  // ---- admin

  private void listStaff(RoutingContext ctx) {
    reply(ctx, desk.listStaff().map(DeskService::json));
  }

  private void createStaff(RoutingContext ctx) {
    create(ctx, actor(ctx));
  }

  private void bootstrapStaff(RoutingContext ctx) {
    create(ctx, secretHolder(ctx));
  }

  /** The caller of the admin API (the admin secret), as the audit log names it. */
  private static AuditLog.Actor secretHolder(RoutingContext ctx) {
    return new AuditLog.Actor(null, "admin-secret", clientIp(ctx));
  }

  private void create(RoutingContext ctx, AuditLog.Actor actor) {
    JsonObject body = body(ctx);
    if (body == null) {
      error(ctx, 400, "Body must be JSON: {email, name, role, password, organisations, units}");
      return;
    }
    String email = body.getString("email", "").trim();
    String name = body.getString("name", "").trim();
    String password = body.getString("password", "");
    Staff.Role role;
    try {
      role = Staff.Role.parse(body.getString("role", ""));
    } catch (IllegalArgumentException e) {
      error(ctx, 400, "role must be admin, hr or school");
      return;
    }
    if (!EMAIL.matcher(email).matches()) {
      error(ctx, 400, "A valid e-mail is required");
      return;
    }
    if (name.isEmpty() || name.length() > 200) {
      error(ctx, 400, "name is required (at most 200 characters)");
      return;
    }
    if (password.length() < MIN_PASSWORD || password.length() > 1000) {
      error(ctx, 400, "The password needs at least " + MIN_PASSWORD + " characters");
      return;
    }
    Set<String> orgs = new HashSet<>();
    Set<String> units = new HashSet<>();
    try {
      for (Object o : body.getJsonArray("organisations", new JsonArray())) {
        String org = String.valueOf(o).trim().toLowerCase();
        if (!ORGANISATION.matcher(org).matches()) {
          error(ctx, 400, "An organisation is the id of a directory organisation or an e-mail domain, "
              + "e.g. ayto-ejemplo.es: " + o);
          return;
        }
        orgs.add(org);
      }
      for (Object u : body.getJsonArray("units", new JsonArray())) {
        if (!unitIris.contains(String.valueOf(u))) {
          error(ctx, 400, "Unknown unit " + u + "; units: " + unitIris.stream().sorted().toList());
          return;
        }
        units.add(String.valueOf(u));
      }
    } catch (ClassCastException e) {
      error(ctx, 400, "organisations and units are arrays of strings");
      return;
    }
    if (role == Staff.Role.HR && orgs.isEmpty()) {
      error(ctx, 400, "An hr account needs at least one organisation");
      return;
    }
    if (role == Staff.Role.SCHOOL && orgs.isEmpty() && units.isEmpty()) {
      error(ctx, 400, "A school account needs at least one unit or organisation");
      return;
    }
    desk.createStaff(actor, email, name, role, password, orgs, units).onComplete(r -> {
      if (r.failed() && r.cause() instanceof es.civica.organisation.OrganisationStore.Refused refused) {
        error(ctx, refused.status(), refused.getMessage());
      } else if (r.failed()) {
        ctx.fail(r.cause());
      } else if (r.result().isEmpty()) {
        error(ctx, 409, "That e-mail already has an account");
      } else {
        ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(r.result().get().toJson().encode());
      }
    });
  }

  private void disableStaff(RoutingContext ctx) {
    Long id = longParam(ctx, "id");
    if (id == null) {
      return;
    }
    if (id == staff(ctx).id()) {
      error(ctx, 400, "You cannot disable your own account");
      return;
    }
    desk.disableStaff(actor(ctx), id).onComplete(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
      } else if (!r.result()) {
        error(ctx, 404, "No such active account");
      } else {
        ctx.response().setStatusCode(204).end();
      }
    });
  }

  private void audit(RoutingContext ctx) {
    OffsetDateTime[] period = period(ctx, 30);
    if (period == null) {
      return;
    }
    boolean csv = "csv".equals(ctx.request().getParam("format"));
    Future<List<AuditLog.Entry>> entries = desk.audit(period[0], period[1], csv ? 1_000_000 : 1000);
    if (!csv) {
      reply(ctx, entries.map(list -> new JsonObject().put("entries",
          new JsonArray(list.stream().map(AuditLog.Entry::toJson).toList()))));
      return;
    }
    entries.compose(list -> desk.record(actor(ctx), "audit.export", null,
        new JsonObject().put("from", period[0].toString()).put("to", period[1].toString()).put("rows", list.size()))
        .map(v -> list)).onComplete(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
        return;
      }
      StringBuilder out = new StringBuilder(Csv.row(List.of("at", "actor", "action", "target", "details", "client_ip")));
      for (AuditLog.Entry e : r.result()) {
        out.append(Csv.row(java.util.Arrays.asList(e.at().toString(), e.actor(), e.action(), e.target(),
            e.details().encode(), e.clientIp())));
      }
      csv(ctx, "audit-log.csv", out.toString());
    });
  }

  // ---- school

  private void listCredentials(RoutingContext ctx) {
    reply(ctx, desk.credentials(staff(ctx)).map(list -> new JsonObject().put("credentials",
        new JsonArray(list.stream().map(Credential::toJson).toList()))));
  }

  private void createCredential(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String label = body == null ? null : body.getString("label");
    if (label == null || label.isBlank() || label.length() > 200) {
      error(ctx, 400, "label is required (at most 200 characters)");
      return;
    }
    desk.createCredential(actor(ctx), staff(ctx), label.trim()).onComplete(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
      } else {
        ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(issued(r.result()).encode());
      }
    });
  }

  private void rotateCredential(RoutingContext ctx) {
    Long id = longParam(ctx, "id");
    if (id == null) {
      return;
    }
    desk.rotateCredential(actor(ctx), staff(ctx), id).onComplete(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
      } else if (r.result().isEmpty()) {
        error(ctx, 404, "No such active credential of yours");
      } else {
        ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(issued(r.result().get()).encode());
      }
    });
  }

  private void revokeCredential(RoutingContext ctx) {
    Long id = longParam(ctx, "id");
    if (id == null) {
      return;
    }
    desk.revokeCredential(actor(ctx), staff(ctx), id).onComplete(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
      } else if (!r.result()) {
        error(ctx, 404, "No such active credential of yours");
      } else {
        ctx.response().setStatusCode(204).end();
      }
    });
  }

  private static JsonObject issued(CredentialStore.Issued issued) {
    return issued.credential().toJson().put("secret", issued.secret());
  }

  /** GET /desk/api/feed?cursor=…&limit=… with HTTP Basic: completion statements after the cursor. */
  private void feed(RoutingContext ctx) {
    var seq = FeedCursor.decode(ctx.request().getParam("cursor"));
    if (seq.isEmpty()) {
      error(ctx, 400, "cursor is not one this server gave out");
      return;
    }
    int limit;
    try {
      limit = Integer.parseInt(ctx.request().getParam("limit", "100"));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > FEED_LIMIT) {
      error(ctx, 400, "limit must be 1.." + FEED_LIMIT);
      return;
    }
    int max = limit;
    authenticator.authenticate(ctx.request().getHeader("Authorization"))
        .compose(c -> c.isEmpty() ? Future.succeededFuture(java.util.Optional.<Staff>empty())
            : desk.credentialOwner(c.get()))
        .onComplete(r -> {
          if (r.failed()) {
            ctx.fail(r.cause());
          } else if (r.result().isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"Cívica desk feed\"");
            error(ctx, 401, "The feed needs the HTTP Basic key and secret of a school credential");
          } else {
            reply(ctx, desk.feed(r.result().get(), seq.get(), max).map(page -> new JsonObject()
                .put("statements", new JsonArray(page.statements()))
                .put("cursor", FeedCursor.encode(page.lastSeq()))
                .put("more", page.more())));
          }
        });
  }

  private void report(RoutingContext ctx) {
    OffsetDateTime[] period = period(ctx, 365);
    if (period == null) {
      return;
    }
    Staff who = staff(ctx);
    boolean csv = "csv".equals(ctx.request().getParam("format"));
    desk.report(who, period[0], period[1]).onComplete(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
        return;
      }
      if (csv) {
        StringBuilder out = new StringBuilder(Csv.row(List.of("unit", "organisation", "organisation_name", "completed",
            "passed", "failed")));
        for (CompletionFeed.Line l : r.result()) {
          out.append(Csv.row(java.util.Arrays.asList(l.unit(), l.organisation(), l.organisationName(), l.completed(),
              l.passed(), l.failed())));
        }
        csv(ctx, "completions.csv", out.toString());
        return;
      }
      ctx.json(new JsonObject().put("from", period[0].toString()).put("to", period[1].toString())
          .put("lines", new JsonArray(r.result().stream().map(l -> new JsonObject().put("unit", l.unit())
              .put("organisation", l.organisation()).put("organisationName", l.organisationName())
              .put("completed", l.completed()).put("passed", l.passed())
              .put("failed", l.failed())).toList())));
    });
  }

  // ---- hr: certificates

  private void listCertificates(RoutingContext ctx) {
    String q = ctx.request().getParam("q");
    Future<Map<String, String>> names = desk.organisationNames();
    reply(ctx, hr.list(staff(ctx), q == null || q.isBlank() ? null : q.trim(), 500).compose(list -> names.map(n -> {
      JsonArray certificates = HrDesk.json(list, hr.today());
      // what HR reads in the list: the directory's name of the organisation (its id when the directory lacks it)
      certificates.forEach(c -> {
        JsonObject json = (JsonObject) c;
        String org = json.getString("organisation");
        json.put("organisationName", org == null ? null : n.getOrDefault(org, org));
      });
      return new JsonObject().put("certificates", certificates);
    })));
  }

  private void verifyCertificate(RoutingContext ctx) {
    reply(ctx, hr.verify(actor(ctx), staff(ctx), ctx.pathParam("id").trim().toLowerCase()));
  }

  private void comparePdf(RoutingContext ctx) {
    JsonObject body = body(ctx);
    byte[] pdf = body == null || body.getString("pdf") == null ? null : HrDesk.base64(body.getString("pdf"));
    if (pdf == null || pdf.length == 0) {
      error(ctx, 400, "Send {\"pdf\": \"<the PDF in base64>\"}");
      return;
    }
    if (pdf.length > HrDesk.MAX_PDF) {
      error(ctx, 413, "The PDF is larger than 5 MB");
      return;
    }
    reply(ctx, hr.comparePdf(actor(ctx), staff(ctx), ctx.pathParam("id").trim().toLowerCase(), pdf));
  }

  private void bulkVerify(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body == null || body.getString("csv") == null) {
      error(ctx, 400, "Send {\"csv\": \"name,employee id,certificate id\\n…\"}");
      return;
    }
    List<String[]> rows = HrDesk.parseRoster(body.getString("csv"));
    if (rows.isEmpty()) {
      error(ctx, 400, "The roster has no rows");
      return;
    }
    if (rows.size() > HrDesk.MAX_ROWS) {
      error(ctx, 413, "At most " + HrDesk.MAX_ROWS + " rows at once");
      return;
    }
    reply(ctx, hr.bulk(actor(ctx), rows).map(out -> new JsonObject()
        .put("rows", new JsonArray(out.stream().map(HrDesk.BulkRow::toJson).toList()))
        .put("csv", HrDesk.csv(out))));
  }

  private void revokeCertificate(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String reason = body == null ? null : body.getString("reason");
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      error(ctx, 400, "A reason is required (at most 500 characters)");
      return;
    }
    hr.revoke(actor(ctx), staff(ctx), ctx.pathParam("id").trim().toLowerCase(), reason).onComplete(r -> {
      if (r.succeeded()) {
        ctx.json(r.result().adminJson(hr.today()));
      } else if (r.cause() instanceof es.civica.certification.CertificateException ce) {
        error(ctx, ce.status(), ce.getMessage());
      } else {
        ctx.fail(r.cause());
      }
    });
  }

  // ---- analytics

  private void itemAnalysis(RoutingContext ctx) {
    Unit unit = unit(ctx);
    if (unit != null) {
      reply(ctx, desk.itemAnalysis(unit, staff(ctx)));
    }
  }

  private void scenarios(RoutingContext ctx) {
    Unit unit = unit(ctx);
    if (unit != null) {
      reply(ctx, desk.scenarioDecisions(unit, staff(ctx)));
    }
  }

  private Unit unit(RoutingContext ctx) {
    try {
      var unit = course.unit(Integer.parseInt(ctx.pathParam("n")));
      if (unit.isPresent()) {
        return unit.get();
      }
    } catch (NumberFormatException ignored) {
      // falls through to 404
    }
    error(ctx, 404, "No such unit");
    return null;
  }

  // ---- helpers

  /** from / to as dates (yyyy-mm-dd, UTC; to inclusive) or instants; default: the last {@code days} days. */
  private static OffsetDateTime[] period(RoutingContext ctx, int days) {
    try {
      OffsetDateTime to = parseTime(ctx.request().getParam("to"), true);
      if (to == null) {
        to = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);
      }
      OffsetDateTime from = parseTime(ctx.request().getParam("from"), false);
      if (from == null) {
        from = to.minusDays(days);
      }
      if (!from.isBefore(to)) {
        error(ctx, 400, "from must be before to");
        return null;
      }
      return new OffsetDateTime[] {from, to};
    } catch (DateTimeParseException e) {
      error(ctx, 400, "from and to are dates (2026-01-31) or ISO 8601 instants");
      return null;
    }
  }

  private static OffsetDateTime parseTime(String text, boolean endOfDay) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() == 10) {
      LocalDate d = LocalDate.parse(text);
      return (endOfDay ? d.plusDays(1) : d).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    return OffsetDateTime.parse(text);
  }

  private static void csv(RoutingContext ctx, String filename, String body) {
    ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .end("\uFEFF" + body);
  }

  static <T> void reply(RoutingContext ctx, Future<T> f) {
    f.onComplete(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
      } else if (r.result() instanceof JsonArray a) {
        ctx.json(a);
      } else {
        ctx.json(r.result());
      }
    });
  }

  static JsonObject body(RoutingContext ctx) {
    try {
      return ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Long longParam(RoutingContext ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      error(ctx, 404, "Not found");
      return null;
    }
  }

  private static StaffStore.Session session(RoutingContext ctx) {
    return ctx.get(SESSION);
  }

  private static Staff staff(RoutingContext ctx) {
    return session(ctx).staff();
  }

  private static AuditLog.Actor actor(RoutingContext ctx) {
    Staff s = staff(ctx);
    return new AuditLog.Actor(s.id(), s.email(), clientIp(ctx));
  }

  private static String clientIp(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
  }

  static void error(RoutingContext ctx, int status, String message) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", message).encode());
    }
  }
}
