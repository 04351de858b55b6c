package es.civica;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import es.civica.certification.CertificateSettings;
import es.civica.xapi.XapiVersion;

/**
 * Every configuration variable of the server, read from Vert.x config (a JSON file, overridden by the
 * environment). Each is looked up by its environment name, e.g. {@code CIVICA_HTTP_PORT}; the README documents
 * them all in one table.
 *
 * @param httpPort        port of the HTTP server
 * @param httpInstances   HTTP verticles (event loops serving requests), by default one per core
 * @param publicUrl       URL at which browsers and LMSs reach this server (used in `more` links, QR codes…)
 * @param dataDir         folder of the embedded database and generated files
 * @param dbUrl           JDBC URL of a PostgreSQL server; null means: start the embedded one
 * @param dbUser          user of that server
 * @param dbPassword      password of that server
 * @param dbPoolSize      JDBC connections (and database worker threads)
 * @param adminSecret     bearer secret of the admin API; null means: generate one under dataDir
 * @param xapiVersions    xAPI versions the LRS accepts
 * @param certificates    issuer key, issuer profile, validity and verification limits of certificates
 */
public record Settings(
    int httpPort,
    int httpInstances,
    String publicUrl,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    int dbPoolSize,
    String adminSecret,
    Set<XapiVersion> xapiVersions,
    CertificateSettings certificates) {

  public static Settings from(JsonObject config) {
    int port = Integer.parseInt(get(config, "CIVICA_HTTP_PORT", "8080"));
    String publicUrl = get(config, "CIVICA_PUBLIC_URL", "http://localhost:" + port);
    Path dataDir = Path.of(get(config, "CIVICA_DATA_DIR", "data")).toAbsolutePath();
    int instances = Integer.parseInt(get(config, "CIVICA_HTTP_INSTANCES",
        String.valueOf(Runtime.getRuntime().availableProcessors())));
    if (instances < 1) {
      throw new IllegalArgumentException("CIVICA_HTTP_INSTANCES must be at least 1");
    }
    return new Settings(
        port,
        instances,
        stripSlash(publicUrl),
        dataDir,
        get(config, "CIVICA_DB_URL", null),
        get(config, "CIVICA_DB_USER", "postgres"),
        get(config, "CIVICA_DB_PASSWORD", "postgres"),
        Integer.parseInt(get(config, "CIVICA_DB_POOL_SIZE", "10")),
        get(config, "CIVICA_ADMIN_SECRET", null),
        versions(get(config, "CIVICA_XAPI_VERSIONS", "1.0.3,2.0.0")),
        CertificateSettings.from(config, dataDir));
  }

  public Settings withHttpPort(int port) {
    return new Settings(port, httpInstances, publicUrl, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, adminSecret, xapiVersions,
        certificates);
  }

  public Settings withPublicUrl(String url) {
    return new Settings(httpPort, httpInstances, url, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, adminSecret, xapiVersions,
        certificates);
  }

  private static String get(JsonObject config, String key, String fallback) {
    Object value = config.getValue(key);
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    return value.toString().trim();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static Set<XapiVersion> versions(String list) {
    Set<XapiVersion> set = EnumSet.noneOf(XapiVersion.class);
    Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(v ->
        set.add(XapiVersion.fromHeader(v)
            .orElseThrow(() -> new IllegalArgumentException("CIVICA_XAPI_VERSIONS: unknown xAPI version " + v))));
    if (set.isEmpty()) {
      throw new IllegalArgumentException("CIVICA_XAPI_VERSIONS names no version");
    }
    return set;
  }
}
