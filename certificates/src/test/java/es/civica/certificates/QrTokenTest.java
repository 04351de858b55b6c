package es.civica.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QrTokenTest {

  final IssuerKeys keys = IssuerKeys.generate();
  final CertificateSummary summary = Samples.certificate().summary();

  @Test
  @DisplayName("a token round-trips the essentials: id, holder, course, issue date and last valid day")
  void roundTrips() {
    String token = QrToken.sign(summary, keys);
    assertEquals(summary, QrToken.verify(token, List.of(keys.publicKey())));
    CertificateSummary noExpiry = new CertificateSummary("X1", "Ana", "Curso", LocalDate.of(2026, 1, 31), null);
    assertEquals(noExpiry, QrToken.verify(QrToken.sign(noExpiry, keys), List.of(keys.publicKey())));
  }

  @Test
  @DisplayName("the token is a compact JWS with header {\"alg\":\"EdDSA\"} and a JWT claims set")
  void isACompactJws() {
    String[] parts = QrToken.sign(summary, keys).split("\\.");
    assertEquals(3, parts.length);
    assertEquals("{\"alg\":\"EdDSA\"}", new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    assertEquals("{\"jti\":\"CIV-2026-000123\",\"name\":\"Begoña Núñez Ibáñez\",\"crs\":\"" + Samples.COURSE_TITLE
        + "\",\"iat\":1795564800,\"exp\":1858809600}", claims);
    assertEquals(64, Base64.getUrlDecoder().decode(parts[2]).length);
  }

  @Test
  @DisplayName("a token with a changed claim or signed by another key is rejected")
  void tamperingIsRejected() {
    String token = QrToken.sign(summary, keys);
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("Begoña", "Begoño");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    VerificationException e = assertThrows(VerificationException.class,
        () -> QrToken.verify(forged, List.of(keys.publicKey())));
    assertTrue(e.getMessage().contains("firma"), e.getMessage());
    assertThrows(VerificationException.class,
        () -> QrToken.verify(token, List.of(IssuerKeys.generate().publicKey())));
    assertThrows(VerificationException.class, () -> QrToken.verify("no.es-un.token", List.of(keys.publicKey())));
  }

  @Test
  @DisplayName("the QR URL is the verification URL, #t= and the token, and splits back")
  void url() {
    String url = QrToken.url("https://civica.app/verify/CIV-1", "abc.def.ghi");
    assertEquals("https://civica.app/verify/CIV-1#t=abc.def.ghi", url);
    assertEquals("abc.def.ghi", QrToken.tokenOf(url));
    assertEquals("https://civica.app/verify/CIV-1", QrToken.verificationUrlOf(url));
    assertNull(QrToken.tokenOf("https://civica.app/verify/CIV-1"));
  }
}
