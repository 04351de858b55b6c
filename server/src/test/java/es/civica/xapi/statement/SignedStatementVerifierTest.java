package es.civica.xapi.statement;

import static es.civica.xapi.statement.Statements.load;
import static es.civica.xapi.statement.Statements.with;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedStatementVerifierTest {

  private static final Map<String, String> JCA = Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA",
      "RS512", "SHA512withRSA");

  private final JsonObject statement = with(load("minimal"), "id", "1f3e1d9c-5a7b-4c2e-9d8f-0a1b2c3d4e5f");

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "RS384", "RS512"})
  void acceptsStatementSignedWithAnRsaAlgorithm(String alg) throws Exception {
    byte[] jws = sign(statement, new JsonObject().put("alg", alg));
    assertDoesNotThrow(() -> SignedStatementVerifier.verify(signed(statement, jws), jws));
  }

  @Test
  void verifiesTheSignatureWithTheX5cCertificate() throws Exception {
    JsonObject header = new JsonObject().put("alg", "RS256").put("x5c",
        new JsonArray().add(certificate("signer-cert")));
    byte[] jws = sign(statement, header);
    assertDoesNotThrow(() -> SignedStatementVerifier.verify(signed(statement, jws), jws));
  }

  @Test
  void rejectsSignatureThatDoesNotVerifyWithTheX5cCertificate() throws Exception {
    JsonObject header = new JsonObject().put("alg", "RS256").put("x5c", new JsonArray().add(certificate("other-cert")));
    byte[] jws = sign(statement, header);
    assertRejected(signed(statement, jws), jws, "does not verify with the certificate");
  }

  @Test
  void rejectsX5cThatIsNotACertificate() throws Exception {
    JsonObject header = new JsonObject().put("alg", "RS256").put("x5c", new JsonArray().add("bm90IGEgY2VydA=="));
    byte[] jws = sign(statement, header);
    assertRejected(signed(statement, jws), jws, "x5c does not hold an X.509 certificate");
  }

  @Test
  void rejectsOtherAlgorithms() throws Exception {
    byte[] jws = sign(statement, new JsonObject().put("alg", "HS256"));
    assertRejected(signed(statement, jws), jws, "algorithm must be RS256, RS384 or RS512");
    byte[] none = sign(statement, new JsonObject().put("alg", "none"));
    assertRejected(signed(statement, none), none, "algorithm must be RS256, RS384 or RS512");
  }

  @Test
  void rejectsPayloadThatIsNotJson() throws Exception {
    String header = base64Url(new JsonObject().put("alg", "RS256").encode().getBytes(StandardCharsets.UTF_8));
    String payload = base64Url(statement.encode().replaceFirst("\"", "'").getBytes(StandardCharsets.UTF_8));
    byte[] jws = (header + "." + payload + "." + base64Url(rsaSign("SHA256withRSA", header + "." + payload)))
        .getBytes(StandardCharsets.US_ASCII);
    assertRejected(signed(statement, jws), jws, "signature payload is not a JSON object");
  }

  @Test
  void rejectsPayloadThatDiffersFromTheStatement() throws Exception {
    byte[] jws = sign(statement, new JsonObject().put("alg", "RS256"));
    JsonObject tampered = with(statement, "verb.id", "http://adlnet.gov/expapi/verbs/passed");
    assertRejected(signed(tampered, jws), jws, "signature payload does not match the statement");
  }

  @Test
  void ignoresWhatTheLrsAddsAfterSigning() throws Exception {
    JsonObject unsigned = load("minimal");
    byte[] jws = sign(unsigned, new JsonObject().put("alg", "RS256"));
    JsonObject received = signed(unsigned, jws).put("id", "1f3e1d9c-5a7b-4c2e-9d8f-0a1b2c3d4e5f")
        .put("stored", "2026-11-25T10:15:31.000Z").put("timestamp", "2026-11-25T10:15:31.000Z")
        .put("authority", new JsonObject().put("mbox", "mailto:lrs@civica.example.es")).put("version", "2.0.0");
    assertDoesNotThrow(() -> SignedStatementVerifier.verify(received, jws));
  }

  @Test
  void comparesDurationsOnlyToTheHundredth() throws Exception {
    JsonObject signedDuration = with(statement, "result.duration", "P1DT12H36M0.12S");
    byte[] jws = sign(signedDuration, new JsonObject().put("alg", "RS256"));
    JsonObject received = signed(with(statement, "result.duration", "P1DT12H36M0.1237S"), jws);
    assertDoesNotThrow(() -> SignedStatementVerifier.verify(received, jws));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not a jws", "a.b", "a.b.c.d", "{\"payload\": \"x\"}"})
  void rejectsMalformedJws(String text) throws Exception {
    byte[] jws = text.getBytes(StandardCharsets.US_ASCII);
    assertRejected(signed(statement, jws), jws, "");
  }

  @Test
  void rejectsSignatureAttachmentWithAnotherContentType() throws Exception {
    byte[] jws = sign(statement, new JsonObject().put("alg", "RS256"));
    JsonObject signed = signed(statement, jws);
    signed.getJsonArray("attachments").getJsonObject(0).put("contentType", "text/plain; charset=ascii");
    assertRejected(signed, jws, "contentType must be application/octet-stream");
  }

  @Test
  void rejectsCriticalHeaderExtensions() throws Exception {
    JsonObject header = new JsonObject().put("alg", "RS256").put("crit", new JsonArray().add("exp")).put("exp", 1);
    byte[] jws = sign(statement, header);
    assertRejected(signed(statement, jws), jws, "critical extensions");
  }

  @Test
  void findsTheSignatureAttachment() throws Exception {
    byte[] jws = sign(statement, new JsonObject().put("alg", "RS256"));
    JsonObject attachment = SignedStatementVerifier.signatureAttachment(signed(statement, jws)).orElseThrow();
    assertEquals(jws.length, attachment.getInteger("length"));
    assertTrue(SignedStatementVerifier.signatureAttachment(statement).isEmpty());
    assertRejected(statement, jws, "no signature attachment");
  }

  @Test
  void acceptsTheSignedStatementAsAValidStatement() throws Exception {
    byte[] jws = sign(statement, new JsonObject().put("alg", "RS256"));
    Statements.assertValidInBoth(signed(statement, jws));
  }

  private static void assertRejected(JsonObject statement, byte[] jws, String message) {
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> SignedStatementVerifier.verify(statement, jws));
    assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
  }

  /** The statement as a client sends it: signed first, then given the signature attachment's metadata. */
  private static JsonObject signed(JsonObject statement, byte[] jws) throws Exception {
    String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jws));
    JsonObject attachment = new JsonObject()
        .put("usageType", SignedStatementVerifier.SIGNATURE_USAGE_TYPE)
        .put("display", new JsonObject().put("es-ES", "Firma"))
        .put("contentType", SignedStatementVerifier.SIGNATURE_CONTENT_TYPE)
        .put("length", jws.length)
        .put("sha2", sha2);
    return statement.copy().put("attachments", new JsonArray().add(attachment));
  }

  private static byte[] sign(JsonObject payload, JsonObject header) throws Exception {
    String signingInput = base64Url(header.encode().getBytes(StandardCharsets.UTF_8)) + "."
        + base64Url(payload.encode().getBytes(StandardCharsets.UTF_8));
    String alg = header.getString("alg");
    byte[] signature = JCA.containsKey(alg) ? rsaSign(JCA.get(alg), signingInput) : new byte[] {1, 2, 3};
    return (signingInput + "." + base64Url(signature)).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] rsaSign(String algorithm, String input) throws Exception {
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(privateKey());
    signer.update(input.getBytes(StandardCharsets.US_ASCII));
    return signer.sign();
  }

  private static PrivateKey privateKey() throws Exception {
    byte[] der = Base64.getMimeDecoder().decode(pemBody("signer-key"));
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  /** x5c holds the DER certificate in standard base64 (RFC 7515 4.1.6). */
  private static String certificate(String name) throws IOException {
    return pemBody(name).replaceAll("\\s", "");
  }

  private static String pemBody(String name) throws IOException {
    try (InputStream in = SignedStatementVerifierTest.class.getResourceAsStream("/xapi/signing/" + name + ".pem")) {
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return pem.replaceAll("-----[A-Z ]+-----", "");
    }
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
