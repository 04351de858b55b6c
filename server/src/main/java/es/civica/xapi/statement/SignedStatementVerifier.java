package es.civica.xapi.statement;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a signed statement (Data 2.6): its signature attachment holds a JWS in compact serialization, signed with
 * RS256, RS384 or RS512, whose payload is the statement itself — compared with {@link StatementEquivalence}, so what
 * the LRS may add (id, timestamp, version, authority, stored) and the attachments (added after signing) are ignored.
 * When the JWS header carries an X.509 chain ({@code x5c}), the signature must verify with its first certificate; as
 * the spec notes, this catches mistakes, it does not authenticate the signer. Only the JDK is used.
 */
public final class SignedStatementVerifier {

  public static final String SIGNATURE_USAGE_TYPE = AttachmentRules.SIGNATURE_USAGE_TYPE;
  public static final String SIGNATURE_CONTENT_TYPE = AttachmentRules.SIGNATURE_CONTENT_TYPE;

  private static final Map<String, String> ALGORITHMS = Map.of(
      "RS256", "SHA256withRSA",
      "RS384", "SHA384withRSA",
      "RS512", "SHA512withRSA");
  private static final Pattern COMPACT = Pattern.compile("^[A-Za-z0-9_-]+=*\\.[A-Za-z0-9_-]+=*\\.[A-Za-z0-9_-]+=*$");

  private SignedStatementVerifier() {}

  /** The attachment metadata that marks {@code statement} as signed, if any. */
  public static Optional<JsonObject> signatureAttachment(JsonObject statement) {
    if (!(statement.getValue("attachments") instanceof JsonArray attachments)) {
      return Optional.empty();
    }
    for (int i = 0; i < attachments.size(); i++) {
      if (attachments.getValue(i) instanceof JsonObject attachment
          && SIGNATURE_USAGE_TYPE.equals(attachment.getValue("usageType"))) {
        return Optional.of(attachment);
      }
    }
    return Optional.empty();
  }

  /**
   * Throws {@link InvalidStatementException} unless {@code jws} (the bytes of the signature attachment) is a valid
   * signature of {@code statement}.
   */
  public static void verify(JsonObject statement, byte[] jws) {
    JsonObject attachment = signatureAttachment(statement)
        .orElseThrow(() -> new InvalidStatementException("attachments has no signature attachment (usageType "
            + SIGNATURE_USAGE_TYPE + ")"));
    if (!(attachment.getValue("contentType") instanceof String type) || !AttachmentRules.isSignatureContentType(type)) {
      throw new InvalidStatementException("the signature attachment's contentType must be " + SIGNATURE_CONTENT_TYPE);
    }
    String compact = jws == null ? "" : new String(jws, StandardCharsets.US_ASCII).trim();
    if (!COMPACT.matcher(compact).matches()) {
      throw new InvalidStatementException(
          "signature must be a JWS in compact serialization (header.payload.signature)");
    }
    String[] parts = compact.split("\\.");
    JsonObject header = json(decode(parts[0], "header"), "header");
    String algorithm = algorithm(header);
    JsonObject payload = json(decode(parts[1], "payload"), "payload");
    if (!StatementEquivalence.equivalent(payload, statement)) {
      throw new InvalidStatementException("signature payload does not match the statement");
    }
    if (header.containsKey("x5c")) {
      PublicKey key = firstCertificate(header).getPublicKey();
      byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
      if (!signatureVerifies(algorithm, key, signingInput, decode(parts[2], "signature"))) {
        throw new InvalidStatementException("signature does not verify with the certificate in its x5c header");
      }
    }
  }

  private static String algorithm(JsonObject header) {
    Object alg = header.getValue("alg");
    if (!(alg instanceof String name) || !ALGORITHMS.containsKey(name)) {
      throw new InvalidStatementException("signature algorithm must be RS256, RS384 or RS512, not " + alg);
    }
    if (header.containsKey("crit")) {
      // RFC 7515 4.1.11: critical extensions the verifier does not understand make the JWS invalid.
      throw new InvalidStatementException("signature header uses critical extensions this LRS does not support");
    }
    return ALGORITHMS.get(name);
  }

  private static X509Certificate firstCertificate(JsonObject header) {
    if (!(header.getValue("x5c") instanceof JsonArray chain) || chain.isEmpty()
        || !(chain.getValue(0) instanceof String first)) {
      throw new InvalidStatementException("signature header x5c must be a non-empty array of certificates");
    }
    try {
      byte[] der = Base64.getDecoder().decode(first); // x5c is standard base64, not base64url (RFC 7515 4.1.6)
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new InvalidStatementException("signature header x5c does not hold an X.509 certificate", e);
    }
  }

  private static boolean signatureVerifies(String algorithm, PublicKey key, byte[] input, byte[] signature) {
    if (!(key instanceof RSAPublicKey)) {
      throw new InvalidStatementException("signature certificate must hold an RSA key for " + algorithm);
    }
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(input);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] decode(String part, String name) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw new InvalidStatementException("signature " + name + " is not base64url", e);
    }
  }

  private static JsonObject json(byte[] bytes, String name) {
    try {
      return new JsonObject(new String(bytes, StandardCharsets.UTF_8));
    } catch (DecodeException | ClassCastException e) {
      throw new InvalidStatementException("signature " + name + " is not a JSON object", e);
    }
  }
}
