package es.civica.certificates;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses a QR symbol's mask pattern as ISO/IEC 18004 §7.8.3 asks — the lowest penalty over the eight masks,
 * the first on a tie — with ZXing's penalty rules, several times faster than ZXing's encoder does it.
 *
 * <p>ZXing rebuilds the symbol for each mask and scores it module by module; on our symbols (80-odd modules a
 * side, random-looking data) that is over a millisecond, mostly mispredicted branches. Here the symbol is
 * built once with mask 0; each other mask is derived from it by flipping the data modules where the two masks
 * differ and rewriting the format information (both precomputed per version), and the rules are counted on
 * rows and columns packed into 64-bit words with shifts, masks and bit counts. The tests check the derived
 * symbols against ZXing's for every version and mask, and the penalties and choices against ZXing's.
 */
final class QrMasks {

  private static final int N1 = 3;
  private static final int N2 = 3;
  private static final int N3 = 40;
  private static final int N4 = 10;
  /** Positions of the 15 format information bits, least significant first (x, y). */
  private static final int[][] FORMAT_BITS = {{8, 0}, {8, 1}, {8, 2}, {8, 3}, {8, 4}, {8, 5}, {8, 7}, {8, 8},
      {7, 8}, {5, 8}, {4, 8}, {3, 8}, {2, 8}, {1, 8}, {0, 8}};
  private static final Map<Integer, Layout> LAYOUTS = new ConcurrentHashMap<>();

  private QrMasks() {
  }

  /** The best mask for a symbol that was built with mask 0 at error correction level M. */
  static int choose(QRCode withMask0) {
    if (withMask0.getMaskPattern() != 0 || withMask0.getECLevel() != ErrorCorrectionLevel.M) {
      throw new IllegalArgumentException("The symbol must be built with mask 0 at level M");
    }
    ByteMatrix matrix = withMask0.getMatrix();
    int n = matrix.getWidth();
    Layout layout = LAYOUTS.computeIfAbsent(withMask0.getVersion().getVersionNumber(),
        v -> new Layout(withMask0.getVersion()));
    long[][] baseRows = pack(matrix, n, false);
    long[][] baseCols = pack(matrix, n, true);
    long[][] rows = new long[n][layout.words];
    long[][] cols = new long[n][layout.words];
    Scratch s = new Scratch(layout.words, n);
    int best = 0;
    int bestPenalty = Integer.MAX_VALUE;
    for (int mask = 0; mask < 8; mask++) {
      apply(baseRows, layout.keepRows, layout.flipRows[mask], layout.formatRows[mask], rows);
      apply(baseCols, layout.keepCols, layout.flipCols[mask], layout.formatCols[mask], cols);
      int penalty = penalty(rows, cols, n, s);
      if (penalty < bestPenalty) {
        bestPenalty = penalty;
        best = mask;
      }
    }
    return best;
  }

  /** The penalty of a symbol given as rows ({@code [y][x]}, 1 dark): the sum of the four rules. */
  static int penalty(byte[][] modules) {
    int n = modules.length;
    ByteMatrix m = new ByteMatrix(n, n);
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        m.set(x, y, modules[y][x]);
      }
    }
    return penalty(pack(m, n, false), pack(m, n, true), n, new Scratch((n + 63) / 64, n));
  }

  /** The symbol's modules as they are with another mask ({@code [y][x]}, 1 dark), for the tests. */
  static byte[][] derive(QRCode withMask0, int mask) {
    int n = withMask0.getMatrix().getWidth();
    Layout layout = new Layout(withMask0.getVersion());
    long[][] rows = new long[n][layout.words];
    apply(pack(withMask0.getMatrix(), n, false), layout.keepRows, layout.flipRows[mask], layout.formatRows[mask], rows);
    byte[][] out = new byte[n][n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        out[y][x] = (byte) (rows[y][x >> 6] >>> (x & 63) & 1);
      }
    }
    return out;
  }

  /** out = (base AND keep) XOR flip OR format, line by line. */
  private static void apply(long[][] base, long[][] keep, long[][] flip, long[][] format, long[][] out) {
    for (int i = 0; i < base.length; i++) {
      long[] b = base[i];
      long[] o = out[i];
      for (int w = 0; w < b.length; w++) {
        o[w] = (b[w] & keep[i][w]) ^ flip[i][w] | format[i][w];
      }
    }
  }

  private static long[][] pack(ByteMatrix m, int n, boolean columns) {
    long[][] lines = new long[n][(n + 63) / 64];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        if (m.get(x, y) == 1) {
          int line = columns ? x : y;
          int bit = columns ? y : x;
          lines[line][bit >> 6] |= 1L << (bit & 63);
        }
      }
    }
    return lines;
  }

  private static int penalty(long[][] rows, long[][] cols, int n, Scratch s) {
    int runs = 0;
    int finders = 0;
    int dark = 0;
    for (int i = 0; i < n; i++) {
      runs += runs(rows[i], s) + runs(cols[i], s);
      finders += finderLike(rows[i], s) + finderLike(cols[i], s);
      for (long word : rows[i]) {
        dark += Long.bitCount(word);
      }
    }
    int blocks = 0;
    for (int y = 0; y + 1 < n; y++) {
      equalToNext(rows[y], s.e0, s);
      equalToNext(rows[y + 1], s.e1, s);
      for (int w = 0; w < s.words; w++) {
        blocks += Long.bitCount(s.e0[w] & s.e1[w] & ~(rows[y][w] ^ rows[y + 1][w]));
      }
    }
    int total = n * n;
    return runs + N2 * blocks + N3 * finders + Math.abs(dark * 2 - total) * 10 / total * N4;
  }

  /** Rule 1 on one line: a run of L ≥ 5 same-coloured modules costs N1 + (L − 5). */
  private static int runs(long[] line, Scratch s) {
    equalToNext(line, s.e0, s);
    // w: bit x set when modules x..x+4 are all equal; a run of L has L−4 such bits, one of them its start
    shiftDown(s.e0, 1, s.t1);
    shiftDown(s.e0, 2, s.t2);
    shiftDown(s.e0, 3, s.t3);
    int penalty = 0;
    for (int w = 0; w < s.words; w++) {
      s.t0[w] = s.e0[w] & s.t1[w] & s.t2[w] & s.t3[w];
    }
    shiftUp(s.t0, 1, s.t1);
    for (int w = 0; w < s.words; w++) {
      penalty += Long.bitCount(s.t0[w]) + (N1 - 1) * Long.bitCount(s.t0[w] & ~s.t1[w]);
    }
    return penalty;
  }

  /** Rule 3 on one line: 1:1:3:1:1 dark-light-dark-light-dark with four light modules before or after. */
  private static int finderLike(long[] d, Scratch s) {
    long[] l = s.light;
    for (int w = 0; w < s.words; w++) {
      l[w] = ~d[w] & s.valid[w];
    }
    long[] match = s.t0;
    System.arraycopy(d, 0, match, 0, s.words);
    andShiftedDown(match, l, 1, s);
    andShiftedDown(match, d, 2, s);
    andShiftedDown(match, d, 3, s);
    andShiftedDown(match, d, 4, s);
    andShiftedDown(match, l, 5, s);
    andShiftedDown(match, d, 6, s);
    long[] before = s.t2;
    java.util.Arrays.fill(before, -1L);
    for (int k = 1; k <= 4; k++) {
      shiftUp(l, k, s.t1);
      for (int w = 0; w < s.words; w++) {
        before[w] &= s.t1[w];
      }
    }
    long[] after = s.t3;
    java.util.Arrays.fill(after, -1L);
    for (int k = 7; k <= 10; k++) {
      shiftDown(l, k, s.t1);
      for (int w = 0; w < s.words; w++) {
        after[w] &= s.t1[w];
      }
    }
    int count = 0;
    for (int w = 0; w < s.words; w++) {
      count += Long.bitCount(match[w] & (before[w] | after[w]));
    }
    return count;
  }

  /** Bit x of out is set when modules x and x+1 of the line have the same colour (x < n − 1). */
  private static void equalToNext(long[] line, long[] out, Scratch s) {
    shiftDown(line, 1, out);
    for (int w = 0; w < s.words; w++) {
      out[w] = ~(line[w] ^ out[w]) & s.validButLast[w];
    }
  }

  private static void andShiftedDown(long[] acc, long[] line, int k, Scratch s) {
    shiftDown(line, k, s.t1);
    for (int w = 0; w < s.words; w++) {
      acc[w] &= s.t1[w];
    }
  }

  /** out[x] = in[x + k] (zeros shifted in from beyond the end). */
  private static void shiftDown(long[] in, int k, long[] out) {
    int words = in.length;
    for (int w = 0; w < words; w++) {
      long next = w + 1 < words ? in[w + 1] : 0;
      out[w] = in[w] >>> k | next << (64 - k);
    }
  }

  /** out[x] = in[x − k] (zeros shifted in from below 0); bits past the line's end may be set. */
  private static void shiftUp(long[] in, int k, long[] out) {
    for (int w = in.length - 1; w >= 0; w--) {
      long previous = w > 0 ? in[w - 1] : 0;
      out[w] = in[w] << k | previous >>> (64 - k);
    }
  }

  /** Reusable buffers for one choice. */
  private static final class Scratch {
    final int words;
    final long[] valid;
    final long[] validButLast;
    final long[] e0;
    final long[] e1;
    final long[] light;
    final long[] t0;
    final long[] t1;
    final long[] t2;
    final long[] t3;

    Scratch(int words, int n) {
      this.words = words;
      valid = bits(words, n);
      validButLast = bits(words, n - 1);
      e0 = new long[words];
      e1 = new long[words];
      light = new long[words];
      t0 = new long[words];
      t1 = new long[words];
      t2 = new long[words];
      t3 = new long[words];
    }

    private static long[] bits(int words, int count) {
      long[] b = new long[words];
      for (int i = 0; i < count; i++) {
        b[i >> 6] |= 1L << (i & 63);
      }
      return b;
    }
  }

  /**
   * Per version: which modules keep their mask-0 value (all but the format information), which flip for each
   * mask (data modules where the mask differs from mask 0), and each mask's format information bits; as rows
   * and as columns.
   */
  private static final class Layout {
    final int words;
    final long[][] keepRows;
    final long[][] keepCols;
    final long[][][] flipRows = new long[8][][];
    final long[][][] flipCols = new long[8][][];
    final long[][][] formatRows = new long[8][][];
    final long[][][] formatCols = new long[8][][];

    Layout(Version version) {
      int n = version.getDimensionForVersion();
      words = (n + 63) / 64;
      boolean[][] function = functionModules(version, n);
      boolean[][] formatArea = new boolean[n][n];
      for (int i = 0; i < 15; i++) {
        int[] p = formatPosition(i, 0, n);
        int[] q = formatPosition(i, 1, n);
        formatArea[p[1]][p[0]] = true;
        formatArea[q[1]][q[0]] = true;
      }
      keepRows = new long[n][words];
      keepCols = new long[n][words];
      for (int y = 0; y < n; y++) {
        for (int x = 0; x < n; x++) {
          if (!formatArea[y][x]) {
            set(keepRows, keepCols, x, y);
          }
        }
      }
      for (int mask = 0; mask < 8; mask++) {
        flipRows[mask] = new long[n][words];
        flipCols[mask] = new long[n][words];
        formatRows[mask] = new long[n][words];
        formatCols[mask] = new long[n][words];
        for (int y = 0; y < n; y++) {
          for (int x = 0; x < n; x++) {
            if (!function[y][x] && maskBit(0, x, y) != maskBit(mask, x, y)) {
              set(flipRows[mask], flipCols[mask], x, y);
            }
          }
        }
        int format = formatBits(ErrorCorrectionLevel.M, mask);
        for (int i = 0; i < 15; i++) {
          if ((format >> i & 1) != 0) {
            for (int copy = 0; copy < 2; copy++) {
              int[] p = formatPosition(i, copy, n);
              set(formatRows[mask], formatCols[mask], p[0], p[1]);
            }
          }
        }
      }
    }

    private static void set(long[][] rows, long[][] cols, int x, int y) {
      rows[y][x >> 6] |= 1L << (x & 63);
      cols[x][y >> 6] |= 1L << (y & 63);
    }
  }

  /** Where format bit i (least significant first) goes: copy 0 round the top-left finder, copy 1 split. */
  private static int[] formatPosition(int i, int copy, int n) {
    if (copy == 0) {
      return FORMAT_BITS[i];
    }
    return i < 8 ? new int[] {n - 1 - i, 8} : new int[] {8, n - 7 + (i - 8)};
  }

  /** The 15-bit format information: error correction level and mask, BCH(15,5), XOR 0x5412. */
  static int formatBits(ErrorCorrectionLevel ecLevel, int mask) {
    int info = ecLevel.getBits() << 3 | mask;
    int remainder = info << 10;
    for (int bit = 14; bit >= 10; bit--) {
      if ((remainder >> bit & 1) != 0) {
        remainder ^= 0x537 << (bit - 10);
      }
    }
    return (info << 10 | remainder) ^ 0x5412;
  }

  /** Whether mask pattern {@code mask} inverts the module at (x, y) (ISO/IEC 18004 table 10; i row, j column). */
  static boolean maskBit(int mask, int x, int y) {
    int i = y;
    int j = x;
    return switch (mask) {
      case 0 -> (i + j) % 2 == 0;
      case 1 -> i % 2 == 0;
      case 2 -> j % 3 == 0;
      case 3 -> (i + j) % 3 == 0;
      case 4 -> (i / 2 + j / 3) % 2 == 0;
      case 5 -> (i * j) % 2 + (i * j) % 3 == 0;
      case 6 -> ((i * j) % 2 + (i * j) % 3) % 2 == 0;
      case 7 -> ((i * j) % 3 + (i + j) % 2) % 2 == 0;
      default -> throw new IllegalArgumentException("mask " + mask);
    };
  }

  /** Finder patterns with separators and format areas, timing patterns, alignment patterns, version info. */
  private static boolean[][] functionModules(Version version, int n) {
    boolean[][] f = new boolean[n][n];
    mark(f, 0, 0, 9, 9);
    mark(f, n - 8, 0, 8, 9);
    mark(f, 0, n - 8, 9, 8);
    int[] centres = version.getAlignmentPatternCenters();
    int last = centres.length - 1;
    for (int a = 0; a < centres.length; a++) {
      for (int b = 0; b < centres.length; b++) {
        boolean nearFinder = a == 0 && b == 0 || a == 0 && b == last || a == last && b == 0;
        if (!nearFinder) {
          mark(f, centres[a] - 2, centres[b] - 2, 5, 5);
        }
      }
    }
    mark(f, 6, 0, 1, n);
    mark(f, 0, 6, n, 1);
    if (version.getVersionNumber() > 6) {
      mark(f, n - 11, 0, 3, 6);
      mark(f, 0, n - 11, 6, 3);
    }
    return f;
  }

  private static void mark(boolean[][] f, int left, int top, int width, int height) {
    for (int y = top; y < top + height; y++) {
      for (int x = left; x < left + width; x++) {
        f[y][x] = true;
      }
    }
  }
}
