package es.civica.certificates;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 (RFC 8032, pure EdDSA): signing with Bouncy Castle's lightweight API (no JCA provider is
 * registered), verification with the JDK's own provider, and the conversions between the JDK's encoded keys
 * and the raw 32-byte forms used by JWK (RFC 8037) and did:key. Ed25519 signatures are deterministic, so both
 * implementations produce the same bytes (the W3C test vector test checks it).
 */
final class Ed25519 {

  /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112), before the raw 32 bytes. */
  private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");
  /** Multicodec prefix of an Ed25519 public key (0xed, varint-encoded) in did:key and Multikey. */
  private static final byte[] MULTICODEC_ED25519_PUB = {(byte) 0xed, 0x01};
  /** Multicodec prefix of an Ed25519 private key (0x1300, varint-encoded). */
  private static final byte[] MULTICODEC_ED25519_PRIV = {(byte) 0x80, 0x26};

  private Ed25519() {
  }

  static byte[] sign(Ed25519PrivateKeyParameters key, byte[] data) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(data, 0, data.length);
    return signer.generateSignature();
  }

  static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
    if (signatureBytes == null || signatureBytes.length != 64) {
      return false;
    }
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      signature.update(data);
      return signature.verify(signatureBytes);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static PublicKey publicKey(byte[] raw) {
    requireLength(raw, "public key");
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Not an Ed25519 public key", e);
    }
  }

  static Ed25519PrivateKeyParameters privateKey(byte[] seed) {
    requireLength(seed, "private key");
    return new Ed25519PrivateKeyParameters(seed);
  }

  /** The raw public key of a private key. */
  static byte[] rawPublicKey(Ed25519PrivateKeyParameters key) {
    return key.generatePublicKey().getEncoded();
  }

  static byte[] rawPublicKey(PublicKey key) {
    byte[] der = key.getEncoded();
    if (der.length != X509_PREFIX.length + 32
        || !Arrays.equals(Arrays.copyOf(der, X509_PREFIX.length), X509_PREFIX)) {
      throw new IllegalArgumentException("Not an Ed25519 public key");
    }
    return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
  }

  static byte[] rawPrivateKey(Ed25519PrivateKeyParameters key) {
    return key.getEncoded();
  }

  /** {@code z6Mk…}: the Multikey / did:key form of a raw public key. */
  static String publicKeyMultibase(byte[] raw) {
    return Multibase.encodeBase58Btc(concat(MULTICODEC_ED25519_PUB, raw));
  }

  static byte[] publicKeyFromMultibase(String multibase) {
    return stripMulticodec(Multibase.decodeBase58Btc(multibase), MULTICODEC_ED25519_PUB, "public");
  }

  static String privateKeyMultibase(byte[] seed) {
    return Multibase.encodeBase58Btc(concat(MULTICODEC_ED25519_PRIV, seed));
  }

  static byte[] privateKeyFromMultibase(String multibase) {
    return stripMulticodec(Multibase.decodeBase58Btc(multibase), MULTICODEC_ED25519_PRIV, "private");
  }

  private static byte[] stripMulticodec(byte[] bytes, byte[] prefix, String what) {
    if (bytes.length != prefix.length + 32 || bytes[0] != prefix[0] || bytes[1] != prefix[1]) {
      throw new IllegalArgumentException("Not a multibase Ed25519 " + what + " key");
    }
    return Arrays.copyOfRange(bytes, 2, bytes.length);
  }

  private static void requireLength(byte[] raw, String what) {
    if (raw == null || raw.length != 32) {
      throw new IllegalArgumentException("An Ed25519 " + what + " has 32 bytes");
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] hex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
