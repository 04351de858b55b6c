package es.civica.certificates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The issuer's Ed25519 signing key pair. It is stored as a private JWK (RFC 8037: {@code kty} OKP, {@code crv}
 * Ed25519, {@code x} public and {@code d} private key, base64url); {@link #publicKey()} gives what may be
 * published.
 */
public final class IssuerKeys {

  private final Ed25519PrivateKeyParameters privateKey;
  private final IssuerPublicKey publicKey;

  private IssuerKeys(Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
    this.publicKey = IssuerPublicKey.ofRaw(Ed25519.rawPublicKey(privateKey));
  }

  /** A fresh key pair. */
  public static IssuerKeys generate() {
    return new IssuerKeys(new Ed25519PrivateKeyParameters(new SecureRandom()));
  }

  /** From the raw 32-byte private key (the RFC 8032 seed). */
  public static IssuerKeys fromSeed(byte[] seed) {
    return new IssuerKeys(Ed25519.privateKey(seed));
  }

  /** From a private JWK ({@code kty} OKP, {@code crv} Ed25519, {@code x}, {@code d}); x must match d. */
  public static IssuerKeys fromPrivateJwk(String json) {
    JsonNode jwk = Json.parse(json);
    String d = Json.text(jwk, "d");
    if (d == null) {
      throw new IllegalArgumentException("The JWK has no private part (d)");
    }
    IssuerKeys keys = fromSeed(Base64.getUrlDecoder().decode(d));
    if (!keys.publicKey.equals(IssuerPublicKey.ofJwk(jwk))) {
      throw new IllegalArgumentException("The JWK's private key (d) does not match its public key (x)");
    }
    return keys;
  }

  /** Reads a private JWK file written by {@link #save(Path)}. */
  public static IssuerKeys load(Path file) throws IOException {
    return fromPrivateJwk(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Writes the private JWK, readable by the owner only where the file system has POSIX permissions. */
  public void save(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toPrivateJwk(), StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
  }

  /** The private JWK as JSON text: keep it secret. */
  public String toPrivateJwk() {
    ObjectNode jwk = publicKey.jwk();
    jwk.put("d", Base64.getUrlEncoder().withoutPadding().encodeToString(Ed25519.rawPrivateKey(privateKey)));
    return Json.pretty(jwk);
  }

  public IssuerPublicKey publicKey() {
    return publicKey;
  }

  byte[] sign(byte[] data) {
    return Ed25519.sign(privateKey, data);
  }
}
