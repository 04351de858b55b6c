package es.civica.certificates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An issuer's Ed25519 public key and the names it goes by: the {@code did:key} identifier (the issuer id in
 * credentials), the verification method id ({@code did:key:z6Mk…#z6Mk…}, the proof's
 * {@code verificationMethod} and the JWK {@code kid}) and the JWK (RFC 8037, {@code kty} OKP).
 */
public final class IssuerPublicKey {

  private final byte[] raw;
  private final PublicKey key;

  private IssuerPublicKey(byte[] raw) {
    this.raw = raw.clone();
    this.key = Ed25519.publicKey(raw);
  }

  /** From the raw 32 bytes of the key. */
  public static IssuerPublicKey ofRaw(byte[] raw) {
    return new IssuerPublicKey(raw);
  }

  /** From a JDK Ed25519 public key. */
  public static IssuerPublicKey of(PublicKey key) {
    return new IssuerPublicKey(Ed25519.rawPublicKey(key));
  }

  /** From {@code z6Mk…} (publicKeyMultibase) or a {@code did:key:z6Mk…} identifier, with or without fragment. */
  public static IssuerPublicKey ofMultibase(String multibaseOrDidKey) {
    String mb = multibaseOrDidKey;
    if (mb.startsWith("did:key:")) {
      mb = mb.substring("did:key:".length());
    }
    int hash = mb.indexOf('#');
    if (hash >= 0) {
      mb = mb.substring(0, hash);
    }
    return new IssuerPublicKey(Ed25519.publicKeyFromMultibase(mb));
  }

  /** From an OKP/Ed25519 JWK ({@code {"kty":"OKP","crv":"Ed25519","x":…}}). */
  public static IssuerPublicKey ofJwk(JsonNode jwk) {
    if (!"OKP".equals(Json.text(jwk, "kty")) || !"Ed25519".equals(Json.text(jwk, "crv"))
        || Json.text(jwk, "x") == null) {
      throw new IllegalArgumentException("Not an Ed25519 JWK (kty OKP, crv Ed25519, x)");
    }
    return new IssuerPublicKey(Base64.getUrlDecoder().decode(Json.text(jwk, "x")));
  }

  /**
   * Every Ed25519 key in a JSON document: a single JWK, a JWK Set ({@code {"keys":[…]}}, which the issuer
   * document of {@link IssuerDocument} also is), or a document with {@code verificationMethod} entries that
   * carry {@code publicKeyMultibase} or {@code publicKeyJwk}.
   */
  public static List<IssuerPublicKey> parseAll(String json) {
    JsonNode doc = Json.parse(json);
    List<IssuerPublicKey> keys = new ArrayList<>();
    if (doc.has("kty")) {
      keys.add(ofJwk(doc));
    }
    for (JsonNode jwk : doc.path("keys")) {
      if ("OKP".equals(Json.text(jwk, "kty")) && "Ed25519".equals(Json.text(jwk, "crv"))) {
        add(keys, ofJwk(jwk));
      }
    }
    JsonNode methods = doc.path("verificationMethod");
    for (JsonNode method : methods.isArray() ? methods : List.of(methods)) {
      if (method.hasNonNull("publicKeyMultibase")) {
        add(keys, ofMultibase(method.get("publicKeyMultibase").asText()));
      } else if (method.has("publicKeyJwk")) {
        add(keys, ofJwk(method.get("publicKeyJwk")));
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("No Ed25519 public key in the document");
    }
    return keys;
  }

  private static void add(List<IssuerPublicKey> keys, IssuerPublicKey key) {
    if (!keys.contains(key)) {
      keys.add(key);
    }
  }

  public PublicKey key() {
    return key;
  }

  public byte[] raw() {
    return raw.clone();
  }

  /** {@code z6Mk…}. */
  public String multibase() {
    return Ed25519.publicKeyMultibase(raw);
  }

  /** {@code did:key:z6Mk…}: the issuer's id in the credentials this key signs. */
  public String didKey() {
    return "did:key:" + multibase();
  }

  /** {@code did:key:z6Mk…#z6Mk…}: the proof's verificationMethod, also the JWK's kid. */
  public String verificationMethodId() {
    return didKey() + "#" + multibase();
  }

  /** The public JWK with kid, alg and use. */
  public ObjectNode jwk() {
    ObjectNode jwk = Json.object();
    jwk.put("kty", "OKP");
    jwk.put("crv", "Ed25519");
    jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    jwk.put("kid", verificationMethodId());
    jwk.put("alg", "EdDSA");
    jwk.put("use", "sig");
    return jwk;
  }

  boolean verify(byte[] data, byte[] signature) {
    return Ed25519.verify(key, data, signature);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IssuerPublicKey that && Arrays.equals(raw, that.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return didKey();
  }
}
