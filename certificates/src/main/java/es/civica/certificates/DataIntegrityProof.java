package es.civica.certificates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * The credential's proof: a W3C Data Integrity {@code DataIntegrityProof} with the {@code eddsa-jcs-2022}
 * cryptosuite (<a href="https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022">VC DI EdDSA, section 3.3</a>):
 * <ol>
 *   <li>proof options: {@code type} DataIntegrityProof, {@code cryptosuite} eddsa-jcs-2022,
 *       {@code created} (UTC, seconds), {@code verificationMethod} {@code did:key:z6Mk…#z6Mk…},
 *       {@code proofPurpose} assertionMethod, and {@code @context} copied from the credential;</li>
 *   <li>hashData = SHA-256(JCS(proof options)) ‖ SHA-256(JCS(credential without proof)), JCS being
 *       RFC 8785 ({@link Jcs});</li>
 *   <li>proofValue = multibase base58-btc ({@code z…}) of the 64-byte Ed25519 signature of hashData.</li>
 * </ol>
 * Verification undoes the same steps, and also requires the verification method to be one of the trusted
 * issuer keys and the credential's {@code issuer.id} to be that key's {@code did:key}. The implementation
 * reproduces the specification's test vector (see the tests).
 */
public final class DataIntegrityProof {

  public static final String TYPE = "DataIntegrityProof";
  public static final String CRYPTOSUITE = "eddsa-jcs-2022";
  public static final String PURPOSE = "assertionMethod";

  private DataIntegrityProof() {
  }

  /** A copy of the credential with its proof, created now. */
  public static ObjectNode sign(ObjectNode unsecured, IssuerKeys keys) {
    return sign(unsecured, keys, Instant.now());
  }

  /** A copy of the credential with its proof, created at the given instant (truncated to seconds). */
  public static ObjectNode sign(ObjectNode unsecured, IssuerKeys keys, Instant created) {
    if (unsecured.has("proof")) {
      throw new IllegalArgumentException("The credential already has a proof");
    }
    ObjectNode proof = Json.object();
    proof.put("type", TYPE);
    proof.put("cryptosuite", CRYPTOSUITE);
    proof.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
    proof.put("verificationMethod", keys.publicKey().verificationMethodId());
    proof.put("proofPurpose", PURPOSE);
    if (unsecured.has("@context")) {
      proof.set("@context", unsecured.get("@context").deepCopy());
    }
    byte[] signature = keys.sign(hashData(proof, unsecured));
    proof.put("proofValue", Multibase.encodeBase58Btc(signature));
    ObjectNode secured = unsecured.deepCopy();
    secured.set("proof", proof);
    return secured;
  }

  /**
   * Checks the proof of a secured credential against the trusted issuer keys.
   *
   * @return the key that signed it
   * @throws VerificationException saying what is wrong
   */
  public static IssuerPublicKey verify(ObjectNode secured, Collection<IssuerPublicKey> trusted) {
    JsonNode proofNode = secured.get("proof");
    if (proofNode == null || !proofNode.isObject()) {
      throw new VerificationException("la credencial no tiene una prueba (proof) única");
    }
    ObjectNode proofOptions = ((ObjectNode) proofNode).deepCopy();
    String proofValue = Json.text(proofOptions, "proofValue");
    proofOptions.remove("proofValue");
    if (!TYPE.equals(Json.text(proofOptions, "type")) || !CRYPTOSUITE.equals(Json.text(proofOptions, "cryptosuite"))) {
      throw new VerificationException("la prueba no es DataIntegrityProof/" + CRYPTOSUITE);
    }
    if (!PURPOSE.equals(Json.text(proofOptions, "proofPurpose"))) {
      throw new VerificationException("la prueba no es de tipo assertionMethod");
    }
    String created = Json.text(proofOptions, "created");
    try {
      Instant.parse(created == null ? "" : created);
    } catch (DateTimeParseException e) {
      throw new VerificationException("la fecha 'created' de la prueba no es válida");
    }
    byte[] signature;
    try {
      signature = Multibase.decodeBase58Btc(proofValue);
    } catch (IllegalArgumentException e) {
      throw new VerificationException("el valor de la prueba (proofValue) no es base58-btc");
    }
    ObjectNode unsecured = secured.deepCopy();
    unsecured.remove("proof");
    if (proofOptions.has("@context")) {
      if (!startsWith(secured.get("@context"), proofOptions.get("@context"))) {
        throw new VerificationException("el @context de la prueba no coincide con el de la credencial");
      }
      unsecured.set("@context", proofOptions.get("@context").deepCopy());
    }
    String method = Json.text(proofOptions, "verificationMethod");
    IssuerPublicKey key = trusted.stream().filter(k -> k.verificationMethodId().equals(method)).findFirst()
        .orElseThrow(() -> new VerificationException(
            "la credencial está firmada con una clave que no es la del emisor (" + method + ")"));
    if (!key.didKey().equals(Json.text(secured, "issuer", "id"))) {
      throw new VerificationException("el emisor de la credencial (issuer.id) no es el titular de la clave");
    }
    if (!key.verify(hashData(proofOptions, unsecured), signature)) {
      throw new VerificationException("la firma de la credencial no es válida: su contenido ha sido alterado");
    }
    return key;
  }

  /** SHA-256(JCS(proof configuration)) followed by SHA-256(JCS(document)). */
  static byte[] hashData(ObjectNode proofConfig, ObjectNode document) {
    byte[] proofHash = sha256(Jcs.canonicalBytes(proofConfig));
    byte[] documentHash = sha256(Jcs.canonicalBytes(document));
    return Ed25519.concat(proofHash, documentHash);
  }

  private static boolean startsWith(JsonNode documentContext, JsonNode proofContext) {
    if (documentContext == null) {
      return false;
    }
    if (!proofContext.isArray()) {
      return documentContext.isArray() ? documentContext.size() > 0 && documentContext.get(0).equals(proofContext)
          : documentContext.equals(proofContext);
    }
    if (!documentContext.isArray() || documentContext.size() < proofContext.size()) {
      return false;
    }
    for (int i = 0; i < proofContext.size(); i++) {
      if (!documentContext.get(i).equals(proofContext.get(i))) {
        return false;
      }
    }
    return true;
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
