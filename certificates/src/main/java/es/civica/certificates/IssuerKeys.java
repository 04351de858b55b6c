package es.civica.certificates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * The issuer's Ed25519 signing key pair. It is stored as a private JWK (RFC 8037: {@code kty} OKP, {@code crv}
 * Ed25519, {@code x} public and {@code d} private key, base64url); {@link #publicKey()} gives what may be
 * published.
 */
public final class IssuerKeys {

  private final PrivateKey privateKey;
  private final IssuerPublicKey publicKey;

  private IssuerKeys(PrivateKey privateKey, IssuerPublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** A fresh key pair from the JDK's Ed25519 generator. */
  public static IssuerKeys generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new IssuerKeys(pair.getPrivate(), IssuerPublicKey.of(pair.getPublic()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK has no Ed25519", e);
    }
  }

  /** From the raw 32-byte private key (the RFC 8032 seed) and the raw 32-byte public key. */
  public static IssuerKeys fromRaw(byte[] seed, byte[] rawPublicKey) {
    return checked(Ed25519.privateKey(seed), IssuerPublicKey.ofRaw(rawPublicKey));
  }

  /** From a private JWK ({@code kty} OKP, {@code crv} Ed25519, {@code x}, {@code d}). */
  public static IssuerKeys fromPrivateJwk(String json) {
    JsonNode jwk = Json.parse(json);
    String d = Json.text(jwk, "d");
    if (d == null) {
      throw new IllegalArgumentException("The JWK has no private part (d)");
    }
    return checked(Ed25519.privateKey(Base64.getUrlDecoder().decode(d)), IssuerPublicKey.ofJwk(jwk));
  }

  private static IssuerKeys checked(PrivateKey privateKey, IssuerPublicKey publicKey) {
    IssuerKeys keys = new IssuerKeys(privateKey, publicKey);
    byte[] probe = "civica-key-check".getBytes(StandardCharsets.US_ASCII);
    if (!publicKey.verify(probe, keys.sign(probe))) {
      throw new IllegalArgumentException("The private key does not match the public key");
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
