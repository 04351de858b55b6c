package es.civica.xapi;

import es.civica.xapi.auth.Credential;
import es.civica.xapi.auth.CredentialAuthenticator;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The xAPI HTTP protocol, apart from the LRS logic: CORS, the alternate request syntax, the version header,
 * HTTP Basic authentication, dispatch to resource handlers and the mapping of refusals to status codes.
 */
public final class XapiProtocol {
  private static final Logger LOG = LoggerFactory.getLogger(XapiProtocol.class);
  private static final Set<String> ALTERNATE_HEADERS = Set.of("authorization", "x-experience-api-version",
      "content-type", "content-length", "if-match", "if-none-match");
  private static final String ALLOWED_HEADERS = "Content-Type,Content-Length,Authorization,If-Match,If-None-Match,"
      + "X-Experience-API-Version,X-Experience-API-Consistent-Through,Accept-Language";
  private static final String EXPOSED_HEADERS = "ETag,Last-Modified,Cache-Control,Content-Type,Content-Length,"
      + "WWW-Authenticate,X-Experience-API-Version,X-Experience-API-Consistent-Through";

  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final CredentialAuthenticator authenticator;
  private final Set<XapiVersion> accepted;
  private final Map<String, Map<HttpMethod, XapiHandler>> routes = new HashMap<>();
  private final Set<String> publicResources = Set.of("/about");

  public XapiProtocol(CredentialAuthenticator authenticator, Set<XapiVersion> accepted) {
    this.authenticator = authenticator;
    this.accepted = accepted;
  }

  /** Registers a handler; HEAD is served by the GET handler without a body. */
  public XapiProtocol route(HttpMethod method, String resource, XapiHandler handler) {
    routes.computeIfAbsent(resource, r -> new HashMap<>()).put(method, handler);
    return this;
  }

  /** The Vert.x handler for every path under the LRS root (after a BodyHandler). */
  public void handle(RoutingContext ctx, String root) {
    HttpServerRequest http = ctx.request();
    HttpServerResponse response = ctx.response();
    cors(http, response);
    if (http.method() == HttpMethod.OPTIONS) {
      response.setStatusCode(200).end();
      return;
    }
    String resource = http.path().substring(root.length());
    if (resource.length() > 1 && resource.endsWith("/")) {
      resource = resource.substring(0, resource.length() - 1);
    }
    // a request that names no version we speak is answered in the newest version this LRS accepts
    XapiVersion answerVersion = accepted.contains(XapiVersion.V2_0_0) ? XapiVersion.V2_0_0 : XapiVersion.V1_0_3;
    try {
      RawRequest raw = alternateSyntax(http, ctx.body().buffer());
      XapiVersion version = XapiVersion.fromHeader(raw.headers.get("X-Experience-API-Version")).orElse(null);
      if (version != null && accepted.contains(version)) {
        answerVersion = version;
      }
      if (raw.alternate && version == XapiVersion.V2_0_0) {
        throw XapiException.badRequest("xAPI 2.0 does not accept the alternate request syntax");
      }
      Map<HttpMethod, XapiHandler> methods = routes.get(resource);
      if (methods == null) {
        throw XapiException.notFound("No xAPI resource " + resource);
      }
      boolean head = raw.method == HttpMethod.HEAD;
      XapiHandler handler = methods.get(head ? HttpMethod.GET : raw.method);
      if (handler == null) {
        throw new XapiException(405, "Method " + raw.method + " is not allowed on " + resource);
      }
      if (!publicResources.contains(resource)) {
        if (raw.headers.get("X-Experience-API-Version") == null) {
          throw XapiException.badRequest("The X-Experience-API-Version header is required");
        }
        if (version == null || !accepted.contains(version)) {
          throw XapiException.badRequest("Unsupported xAPI version " + raw.headers.get("X-Experience-API-Version"));
        }
      }
      XapiVersion effective = version == null ? answerVersion : version;
      XapiVersion finalAnswer = answerVersion;
      String resourcePath = resource;
      authenticate(resource, raw.headers.get("Authorization"))
          .compose(credential -> handler.handle(new XapiRequest(raw.method, resourcePath, raw.params, raw.headers,
              raw.body, effective, credential.orElse(null))))
          .onSuccess(r -> send(response, r, finalAnswer, head))
          .onFailure(e -> fail(response, e, finalAnswer));
    } catch (RuntimeException e) {
      fail(response, e, answerVersion);
    }
  }

  private Future<Optional<Credential>> authenticate(String resource, String authorization) {
    if (publicResources.contains(resource)) {
      return Future.succeededFuture(Optional.empty());
    }
    return authenticator.authenticate(authorization).map(found -> {
      if (found.isEmpty()) {
        throw new XapiException(401, "Valid HTTP Basic credentials are required");
      }
      return found;
    });
  }

  private record RawRequest(HttpMethod method, Map<String, List<String>> params, MultiMap headers, Buffer body,
                            boolean alternate) {
  }

  /**
   * xAPI 1.0.3 Part Three 1.3: a POST with a {@code method} query parameter carries the real method, its headers,
   * parameters and content as form fields (for browsers that cannot send other methods or headers).
   */
  private static RawRequest alternateSyntax(HttpServerRequest http, Buffer body) {
    // xAPI parameter names are case sensitive; Vert.x params() is not, so decode the query string ourselves
    Map<String, List<String>> params = new LinkedHashMap<>(new QueryStringDecoder(http.uri()).parameters());
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(http.headers());
    List<String> method = params.get("method");
    if (method == null) {
      return new RawRequest(http.method(), params, headers, body, false);
    }
    if (http.method() != HttpMethod.POST) {
      throw XapiException.badRequest("The alternate request syntax must use POST");
    }
    if (params.size() > 1) {
      throw XapiException.badRequest("The alternate request syntax takes no query parameter but method");
    }
    String type = headers.get("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      throw XapiException.badRequest("The alternate request syntax needs an application/x-www-form-urlencoded body");
    }
    HttpMethod real;
    try {
      real = HttpMethod.valueOf(method.get(0).toUpperCase());
    } catch (IllegalArgumentException e) {
      throw XapiException.badRequest("Unknown method " + method.get(0));
    }
    Map<String, List<String>> realParams = new LinkedHashMap<>();
    // headers sent as real headers still count; form fields named like headers override them
    MultiMap realHeaders = MultiMap.caseInsensitiveMultiMap().addAll(headers);
    realHeaders.remove("Content-Type");
    realHeaders.remove("Content-Length");
    Buffer content = null;
    String form = body == null ? "" : body.toString(StandardCharsets.UTF_8);
    for (var field : new QueryStringDecoder(form, StandardCharsets.UTF_8, false).parameters().entrySet()) {
      String name = field.getKey();
      String value = field.getValue().get(0);
      if (name.equals("content")) {
        content = Buffer.buffer(value);
      } else if (ALTERNATE_HEADERS.contains(name.toLowerCase())) {
        realHeaders.set(name, value);
      } else {
        realParams.put(name, field.getValue());
      }
    }
    if (content != null && realHeaders.get("Content-Type") == null) {
      realHeaders.set("Content-Type", "application/json");
    }
    return new RawRequest(real, realParams, realHeaders, content == null ? Buffer.buffer() : content, true);
  }

  private static void cors(HttpServerRequest http, HttpServerResponse response) {
    String origin = http.getHeader("Origin");
    response.putHeader("Access-Control-Allow-Origin", origin == null ? "*" : origin);
    if (origin != null) {
      response.putHeader("Vary", "Origin");
      response.putHeader("Access-Control-Allow-Credentials", "true");
    }
    response.putHeader("Access-Control-Allow-Methods", "HEAD,GET,POST,PUT,DELETE,OPTIONS");
    response.putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    response.putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  }

  private static void send(HttpServerResponse response, XapiResponse r, XapiVersion version, boolean head) {
    if (response.ended()) {
      return;
    }
    response.putHeader("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
    response.setStatusCode(r.status());
    response.headers().addAll(r.headers());
    response.putHeader("X-Experience-API-Version", version.text());
    if (r.body() == null || head) {
      if (head && r.body() != null) {
        response.putHeader("Content-Length", Integer.toString(r.body().length()));
      }
      response.end();
    } else {
      response.end(r.body());
    }
  }

  private static void fail(HttpServerResponse response, Throwable e, XapiVersion version) {
    if (response.ended()) {
      return;
    }
    int status;
    String message;
    if (e instanceof XapiException x) {
      status = x.status();
      message = x.getMessage();
    } else if (e instanceof IllegalArgumentException) {
      status = 400;
      message = e.getMessage();
    } else {
      LOG.error("xAPI request failed", e);
      status = 500;
      message = "Internal error";
    }
    response.putHeader("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
    response.putHeader("X-Experience-API-Consistent-Through",
        DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    if (status == 401) {
      response.putHeader("WWW-Authenticate", "Basic realm=\"xAPI\"");
    }
    response.setStatusCode(status)
        .putHeader("X-Experience-API-Version", version.text())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("error", new JsonObject().put("message", message == null ? "" : message)).encode());
  }
}
