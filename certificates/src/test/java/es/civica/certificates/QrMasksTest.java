package es.civica.certificates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QrMasksTest {

  static final ErrorCorrectionLevel M = ErrorCorrectionLevel.M;

  static QRCode encode(String text, Integer mask) throws Exception {
    Map<EncodeHintType, Object> hints = mask == null ? Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1")
        : Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1", EncodeHintType.QR_MASK_PATTERN, mask);
    return Encoder.encode(text, M, hints);
  }

  /** The four penalty rules as ISO/IEC 18004 and ZXing's MaskUtil state them, module by module. */
  static final class ReferencePenalty {
    static int of(byte[][] m) {
      return runs(m) + blocks(m) + finders(m) + balance(m);
    }

    static int runs(byte[][] m) {
      int n = m.length;
      int penalty = 0;
      for (int horizontal = 0; horizontal < 2; horizontal++) {
        for (int i = 0; i < n; i++) {
          int run = 0;
          int prev = -1;
          for (int j = 0; j < n; j++) {
            int bit = horizontal == 1 ? m[i][j] : m[j][i];
            if (bit == prev) {
              run++;
            } else {
              penalty += run >= 5 ? 3 + run - 5 : 0;
              run = 1;
              prev = bit;
            }
          }
          penalty += run >= 5 ? 3 + run - 5 : 0;
        }
      }
      return penalty;
    }

    static int blocks(byte[][] m) {
      int count = 0;
      for (int y = 0; y < m.length - 1; y++) {
        for (int x = 0; x < m.length - 1; x++) {
          int v = m[y][x];
          if (v == m[y][x + 1] && v == m[y + 1][x] && v == m[y + 1][x + 1]) {
            count++;
          }
        }
      }
      return 3 * count;
    }

    static int finders(byte[][] m) {
      int n = m.length;
      int count = 0;
      int[] pattern = {1, 0, 1, 1, 1, 0, 1};
      for (int y = 0; y < n; y++) {
        for (int x = 0; x < n; x++) {
          boolean h = x + 6 < n;
          boolean v = y + 6 < n;
          for (int k = 0; k < 7; k++) {
            h &= x + k < n && m[y][x + k] == pattern[k];
            v &= y + k < n && m[y + k][x] == pattern[k];
          }
          if (h && (light(m, y, x - 4, x, true) || light(m, y, x + 7, x + 11, true))) {
            count++;
          }
          if (v && (light(m, x, y - 4, y, false) || light(m, x, y + 7, y + 11, false))) {
            count++;
          }
        }
      }
      return 40 * count;
    }

    static boolean light(byte[][] m, int line, int from, int to, boolean row) {
      if (from < 0 || m.length < to) {
        return false;
      }
      for (int i = from; i < to; i++) {
        if ((row ? m[line][i] : m[i][line]) == 1) {
          return false;
        }
      }
      return true;
    }

    static int balance(byte[][] m) {
      int dark = 0;
      for (byte[] row : m) {
        for (byte b : row) {
          dark += b;
        }
      }
      int total = m.length * m.length;
      return Math.abs(dark * 2 - total) * 10 / total * 10;
    }
  }

  static String randomText(Random random, int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/#=";
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  @Test
  @DisplayName("the symbol derived for each mask equals ZXing's, for every version from 1 to 40")
  void derivedSymbolsEqualZxing() throws Exception {
    Random random = new Random(42);
    int version = 0;
    for (int length = 1; version < 40 && length <= 2331; length += Math.max(1, length / 60)) {
      String text = randomText(random, length);
      QRCode base = encode(text, 0);
      if (base.getVersion().getVersionNumber() == version) {
        continue;
      }
      version = base.getVersion().getVersionNumber();
      for (int mask = 0; mask < 8; mask++) {
        byte[][] expected = encode(text, mask).getMatrix().getArray();
        byte[][] derived = QrMasks.derive(base, mask);
        for (int y = 0; y < expected.length; y++) {
          assertArrayEquals(expected[y], derived[y], "version " + version + ", mask " + mask + ", row " + y);
        }
      }
    }
    assertEquals(40, version);
  }

  @Test
  @DisplayName("the bit-parallel penalty equals the four rules counted module by module")
  void penaltyEqualsStraightforwardCount() {
    Random random = new Random(3);
    for (int i = 0; i < 400; i++) {
      int n = 21 + 4 * random.nextInt(40);
      byte[][] m = new byte[n][n];
      double density = random.nextDouble();
      for (byte[] row : m) {
        for (int x = 0; x < n; x++) {
          row[x] = (byte) (random.nextDouble() < density ? 1 : 0);
        }
      }
      assertEquals(ReferencePenalty.of(m), QrMasks.penalty(m), "n=" + n + ", density " + density);
    }
  }

  @Test
  @DisplayName("the chosen mask is the one ZXing's encoder chooses")
  void choiceEqualsZxing() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      String text = randomText(random, 20 + random.nextInt(500));
      assertEquals(encode(text, null).getMaskPattern(), QrMasks.choose(encode(text, 0)), text);
    }
  }
}
