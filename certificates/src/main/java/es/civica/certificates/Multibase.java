package es.civica.certificates;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Multibase base58-btc ({@code z} prefix, Bitcoin alphabet), as Data Integrity proofs and {@code did:key}
 * identifiers use it.
 */
public final class Multibase {

  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private Multibase() {
  }

  /** {@code z} followed by the base58-btc text of the bytes. */
  public static String encodeBase58Btc(byte[] bytes) {
    return "z" + base58(bytes);
  }

  /** The bytes of a {@code z…} multibase value; fails on another base or a character outside the alphabet. */
  public static byte[] decodeBase58Btc(String multibase) {
    if (multibase == null || !multibase.startsWith("z")) {
      throw new IllegalArgumentException("Not a base58-btc multibase value (must start with 'z')");
    }
    return unbase58(multibase.substring(1));
  }

  static String base58(byte[] bytes) {
    int zeros = 0;
    while (zeros < bytes.length && bytes[zeros] == 0) {
      zeros++;
    }
    StringBuilder s = new StringBuilder();
    BigInteger n = new BigInteger(1, bytes);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(BASE);
      s.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    s.append("1".repeat(zeros));
    return s.reverse().toString();
  }

  static byte[] unbase58(String text) {
    BigInteger n = BigInteger.ZERO;
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new IllegalArgumentException("Not a base58-btc character: '" + text.charAt(i) + "'");
      }
      n = n.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
    if (magnitude.length > 1 && magnitude[0] == 0) {
      magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
    }
    byte[] out = new byte[zeros + magnitude.length];
    System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
    return out;
  }
}
