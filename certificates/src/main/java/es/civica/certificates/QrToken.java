package es.civica.certificates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;

/**
 * The token the QR code carries after the verification URL ({@code https://host/verify/{id}#t=<token>}), so
 * that a phone can check the certificate's essentials without the server.
 *
 * <p>It is a compact JWS (RFC 7515) signed with EdDSA/Ed25519 (RFC 8037) by the issuer key: {@code
 * base64url(header) "." base64url(payload) "." base64url(signature)}, no padding, the signature being over the
 * ASCII bytes of the first two parts. The header is exactly {@code {"alg":"EdDSA"}}. The payload is a JWT
 * claims set (RFC 7519) in this order:
 * <ul>
 *   <li>{@code jti}: the certificate's id;</li>
 *   <li>{@code name}: the holder's full name (the OpenID Connect claim);</li>
 *   <li>{@code crs}: the course title;</li>
 *   <li>{@code iat}: the issue date, as the NumericDate of its 00:00:00 UTC;</li>
 *   <li>{@code exp}: only when the certificate expires, the NumericDate of 00:00:00 UTC of the day after
 *       the last valid day.</li>
 * </ul>
 * Any JOSE library verifies it with the JWK that {@link IssuerDocument} publishes.
 */
public final class QrToken {

  /** {@code {"alg":"EdDSA"}} in base64url. */
  private static final String HEADER =
      base64Url("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8));
  /** What goes between the verification URL and the token. */
  public static final String URL_MARKER = "#t=";

  private QrToken() {
  }

  /** The signed token for these essentials. */
  public static String sign(CertificateSummary summary, IssuerKeys keys) {
    ObjectNode claims = Json.object();
    claims.put("jti", summary.id());
    claims.put("name", summary.holderName());
    claims.put("crs", summary.courseTitle());
    claims.put("iat", epochSecond(summary.issuedOn()));
    if (summary.expiresOn() != null) {
      claims.put("exp", epochSecond(summary.expiresOn().plusDays(1)));
    }
    String signingInput = HEADER + "." + base64Url(Json.compact(claims).getBytes(StandardCharsets.UTF_8));
    byte[] signature = keys.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + base64Url(signature);
  }

  /** The URL the QR code encodes: the verification URL, {@code #t=} and the token. */
  public static String url(String verificationUrl, String token) {
    return verificationUrl + URL_MARKER + token;
  }

  /** The token in a QR URL, or null when there is none. */
  public static String tokenOf(String qrUrl) {
    int at = qrUrl.indexOf(URL_MARKER);
    return at < 0 ? null : qrUrl.substring(at + URL_MARKER.length());
  }

  /** The URL before the token. */
  public static String verificationUrlOf(String qrUrl) {
    int at = qrUrl.indexOf(URL_MARKER);
    return at < 0 ? qrUrl : qrUrl.substring(0, at);
  }

  /**
   * Checks the token's signature with the trusted keys and returns the essentials it states.
   *
   * @throws VerificationException when it is malformed or no trusted key signed it
   */
  public static CertificateSummary verify(String token, Collection<IssuerPublicKey> trusted) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3) {
      throw new VerificationException("el token del QR no es un JWS compacto");
    }
    JsonNode header;
    JsonNode claims;
    byte[] signature;
    try {
      header = Json.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
      claims = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new VerificationException("el token del QR está dañado", e);
    }
    if (!"EdDSA".equals(Json.text(header, "alg")) || header.size() != 1) {
      throw new VerificationException("el token del QR no usa el algoritmo EdDSA");
    }
    byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (trusted.stream().noneMatch(key -> key.verify(signingInput, signature))) {
      throw new VerificationException("la firma del token del QR no es válida");
    }
    String id = Json.text(claims, "jti");
    String name = Json.text(claims, "name");
    String course = Json.text(claims, "crs");
    if (id == null || name == null || course == null || !claims.path("iat").canConvertToLong()) {
      throw new VerificationException("al token del QR le faltan datos (jti, name, crs, iat)");
    }
    LocalDate issuedOn = date(claims.get("iat").asLong());
    LocalDate expiresOn = claims.has("exp") ? date(claims.get("exp").asLong()).minusDays(1) : null;
    return new CertificateSummary(id, name, course, issuedOn, expiresOn);
  }

  private static long epochSecond(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  private static LocalDate date(long epochSecond) {
    return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400L));
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
