package es.civica.certification;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * Configuration of certificates (README, "Configuration"), read like every other setting: config file keys
 * overridden by environment variables of the same names.
 *
 * @param issuerKeyFile       the issuer's private Ed25519 JWK
 * @param generateKey         whether to generate that file on first start when it is missing (the default file
 *                            under the data folder); a configured file must exist
 * @param issuerName          the issuing organisation printed on certificates and named in credentials
 * @param issuerUrl           its web site; null means the server's public URL
 * @param issuerLogoFile      a PNG or JPEG logo; null means Cívica's built-in vector logo
 * @param validityMonths      months a certificate stays valid; 0 means it does not expire
 * @param verifyPerMinute     verification requests a client IP may make per minute (0: no limit)
 * @param verifyBurst         how many of those it may make at once
 * @param issueThreads        platform threads that render and sign certificates
 */
public record CertificateSettings(Path issuerKeyFile, boolean generateKey, String issuerName, String issuerUrl, Path issuerLogoFile,
    int validityMonths, int verifyPerMinute, int verifyBurst, int issueThreads) {

  public static final String DEFAULT_ISSUER_NAME = "Cívica — Escuela de Administración Digital";

  public CertificateSettings {
    if (validityMonths < 0 || verifyPerMinute < 0 || verifyBurst < 0 || issueThreads < 1) {
      throw new IllegalArgumentException("Certificate settings must not be negative (and at least one issuing thread)");
    }
  }

  public static CertificateSettings from(JsonObject config, Path dataDir) {
    String keyFile = get(config, "CIVICA_ISSUER_KEY_FILE");
    String logo = get(config, "CIVICA_ISSUER_LOGO_FILE");
    String name = get(config, "CIVICA_ISSUER_NAME");
    return new CertificateSettings(
        keyFile == null ? dataDir.resolve("issuer-key.jwk") : Path.of(keyFile).toAbsolutePath(),
        keyFile == null,
        name == null ? DEFAULT_ISSUER_NAME : name,
        get(config, "CIVICA_ISSUER_URL"),
        logo == null ? null : Path.of(logo).toAbsolutePath(),
        integer(config, "CIVICA_CERTIFICATE_VALIDITY_MONTHS", 0),
        integer(config, "CIVICA_VERIFY_RATE_PER_MINUTE", 60),
        integer(config, "CIVICA_VERIFY_BURST", 20),
        integer(config, "CIVICA_CERTIFICATE_THREADS", Math.max(1, Runtime.getRuntime().availableProcessors())));
  }

  private static String get(JsonObject config, String key) {
    Object value = config.getValue(key);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static int integer(JsonObject config, String key, int fallback) {
    String value = get(config, key);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, was " + value);
    }
  }
}
