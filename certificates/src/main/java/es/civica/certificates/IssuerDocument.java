package es.civica.certificates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The public document the server serves at {@link #WELL_KNOWN_PATH}: who the issuer is and its public keys,
 * both as Multikey verification methods ({@code publicKeyMultibase}, the form Data Integrity proofs refer to)
 * and as a JWK Set ({@code keys}, the form JOSE libraries take to check the QR token). Several keys may be
 * listed while keys rotate; the first is the current one.
 *
 * <pre>{@code
 * {
 *   "id": "did:key:z6Mk…",
 *   "name": "Cívica — Escuela de Administración Digital",
 *   "url": "https://civica.example.es",
 *   "verificationMethod": [{"id": "did:key:z6Mk…#z6Mk…", "type": "Multikey",
 *                           "controller": "did:key:z6Mk…", "publicKeyMultibase": "z6Mk…"}],
 *   "assertionMethod": ["did:key:z6Mk…#z6Mk…"],
 *   "keys": [{"kty": "OKP", "crv": "Ed25519", "x": "…", "kid": "did:key:z6Mk…#z6Mk…",
 *             "alg": "EdDSA", "use": "sig"}]
 * }
 * }</pre>
 * {@link IssuerPublicKey#parseAll(String)} reads it back.
 */
public final class IssuerDocument {

  public static final String WELL_KNOWN_PATH = "/.well-known/civica-issuer.json";

  private IssuerDocument() {
  }

  /** The document for one issuer and its keys (current key first), as pretty JSON text. */
  public static String json(IssuerProfile issuer, List<IssuerPublicKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("At least one key");
    }
    ObjectNode doc = Json.object();
    doc.put("id", keys.get(0).didKey());
    doc.put("name", issuer.name());
    doc.put("url", issuer.url());
    ArrayNode methods = doc.putArray("verificationMethod");
    ArrayNode assertion = doc.putArray("assertionMethod");
    ArrayNode jwks = doc.putArray("keys");
    for (IssuerPublicKey key : keys) {
      ObjectNode method = methods.addObject();
      method.put("id", key.verificationMethodId());
      method.put("type", "Multikey");
      method.put("controller", key.didKey());
      method.put("publicKeyMultibase", key.multibase());
      assertion.add(key.verificationMethodId());
      jwks.add(key.jwk());
    }
    return Json.pretty(doc);
  }

  /** The document for one issuer and one key. */
  public static String json(IssuerProfile issuer, IssuerPublicKey key) {
    return json(issuer, List.of(key));
  }
}
