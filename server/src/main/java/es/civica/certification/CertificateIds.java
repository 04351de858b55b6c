package es.civica.certification;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Certificate ids: 128 random bits from {@link SecureRandom}, written in lowercase RFC 4648 base32 without padding
 * (26 characters of {@code a-z2-7}: easy to read aloud, no confusable 0/O or 1/l). Not enumerable: guessing one
 * that exists among a million issued takes about 2^108 tries.
 */
public final class CertificateIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final Pattern FORMAT = Pattern.compile("[a-z2-7]{26}");

  private CertificateIds() {
  }

  public static String random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return base32(bytes);
  }

  /** Whether the text has the form of an id (it may still not exist). */
  public static boolean wellFormed(String id) {
    return id != null && FORMAT.matcher(id).matches();
  }

  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}
