package es.civica.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The certificate's typefaces: Liberation Serif Bold, Liberation Sans and Liberation Sans Bold (SIL Open Font
 * License, see {@code fonts/LICENSE-Liberation-OFL-1.1.txt}), embedded in each PDF as a subset of the glyphs
 * that document uses (Type 0, Identity-H).
 *
 * <p>PDFBox's own path — load the TrueType font into every document, subset it on save — spends most of its
 * time building and re-reading a widths array over all 2,600 glyphs and re-parsing the subset, about half a
 * millisecond per face and document. Here that happens once per thread: each thread loads the three faces
 * (their TTF bytes are read from the classpath once) into a scratch document and draws every page with those
 * fonts, {@link Usage recording} the characters it shows. {@link #bind} then gives the document its own fonts:
 * FontBox subsets the faces to those characters (plus a fixed {@linkplain #ROUND_UP common set}, so that
 * subsets repeat and can be cached) and {@link FontSubset} writes the font objects, and the page's resources
 * are pointed at them.
 */
final class CertificateFonts {

  private static final String[] FILES = {"fonts/LiberationSerif-Bold.ttf", "fonts/LiberationSans-Regular.ttf",
      "fonts/LiberationSans-Bold.ttf"};
  private static final byte[][] TTF = new byte[FILES.length][];

  static {
    for (int i = 0; i < FILES.length; i++) {
      TTF[i] = resource(FILES[i]);
    }
  }

  private static final ThreadLocal<ThreadFonts> FONTS = ThreadLocal.withInitial(ThreadFonts::new);

  /**
   * Characters each face's subset has, used or not: for the serif (title and holder's name) the letters,
   * Spanish accented ones included; for the sans faces the lowercase letters and digits (dates, ids, month
   * names). Most certificates then need the same three subsets whatever the name, id and dates, so subsets
   * are built once and cached ({@value #MAX_CACHED_SUBSETS} at most), at the price of a few unused glyphs.
   */
  private static final BitSet[] ROUND_UP = {
      codePoints("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzáéíóúüñÁÉÍÓÚÜÑ -'."),
      codePoints("abcdefghijklmnopqrstuvwxyz0123456789"),
      codePoints("abcdefghijklmnopqrstuvwxyz0123456789")};
  private static final int MAX_CACHED_SUBSETS = 256;
  private static final Map<SubsetKey, CosTemplate> SUBSETS = new ConcurrentHashMap<>();

  private static BitSet codePoints(String text) {
    BitSet set = new BitSet();
    text.codePoints().forEach(set::set);
    return set;
  }

  private CertificateFonts() {
  }

  /** The three faces a document draws with, and the characters drawn with each. */
  record Faces(PDType0Font serifBold, PDType0Font sans, PDType0Font sansBold, Usage usage) {

    /** The advance width of a text in thousandths of an em, as the font's /W array states it. */
    float width(PDFont font, String text) throws IOException {
      int[] advances = FONTS.get().advances(font);
      if (advances == null) {
        return font.getStringWidth(text);
      }
      float width = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c >= advances.length || Character.isSurrogate(c)) {
          return font.getStringWidth(text);
        }
        width += advances[c];
      }
      return width;
    }
  }

  /** The code points shown with each font. */
  static final class Usage {
    private final Map<PDFont, BitSet> used = new IdentityHashMap<>();

    void record(PDFont font, String text) {
      BitSet set = used.computeIfAbsent(font, f -> new BitSet());
      text.codePoints().forEach(set::set);
    }

    BitSet of(PDFont font) {
      return used.get(font);
    }
  }

  /** The thread's faces, for one document. */
  static Faces forDocument() {
    ThreadFonts t = FONTS.get();
    return new Faces(t.drawing[0], t.drawing[1], t.drawing[2], new Usage());
  }

  /**
   * After drawing: replaces, in the page's font resources, each thread font by the document's own subset of
   * it.
   */
  static void bind(Faces faces, PDDocument doc, PDPage page) throws IOException {
    COSDictionary fonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
    if (fonts == null) {
      return;
    }
    ThreadFonts t = FONTS.get();
    for (Map.Entry<COSName, COSBase> entry : List.copyOf(fonts.entrySet())) {
      for (int i = 0; i < t.drawing.length; i++) {
        if (entry.getValue() == t.drawing[i].getCOSObject()) {
          BitSet used = (BitSet) ROUND_UP[i].clone();
          BitSet drawn = faces.usage().of(t.drawing[i]);
          if (drawn != null) {
            used.or(drawn);
          }
          fonts.setItem(entry.getKey(), subset(t, i, used, doc));
        }
      }
    }
  }

  /** A face's subset for these characters: a copy of a cached one, or built (and cached). */
  private static COSBase subset(ThreadFonts t, int face, BitSet codePoints, PDDocument doc) throws IOException {
    SubsetKey key = new SubsetKey(face, codePoints);
    CosTemplate cached = SUBSETS.get(key);
    if (cached != null) {
      return cached.instantiate(doc);
    }
    COSDictionary built = t.subsets[face].build(doc, codePoints);
    if (SUBSETS.size() >= MAX_CACHED_SUBSETS) {
      SUBSETS.clear();
    }
    SUBSETS.put(key, CosTemplate.of(built));
    return built;
  }

  private record SubsetKey(int face, BitSet codePoints) {
  }

  /** Per thread: the parsed faces, the fonts to draw with, and what builds the subsets. */
  private static final class ThreadFonts {
    /** Advance widths are tabulated for the code points below this (Latin, Greek, Cyrillic, punctuation). */
    static final int TABULATED = 0x2200;
    final PDType0Font[] drawing = new PDType0Font[TTF.length];
    final FontSubset[] subsets = new FontSubset[TTF.length];
    final int[][] advances = new int[TTF.length][];

    int[] advances(PDFont font) {
      for (int i = 0; i < drawing.length; i++) {
        if (drawing[i] == font) {
          return advances[i];
        }
      }
      return null;
    }

    ThreadFonts() {
      try {
        PDDocument scratch = new PDDocument(); // lives as long as the thread's fonts, never saved
        for (int i = 0; i < TTF.length; i++) {
          TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(TTF[i]));
          // No glyph substitution (ligatures): Latin text needs none, and PDFBox's GSUB pass costs more
          // than the rest of the text drawing together.
          ttf.setEnableGsub(false);
          drawing[i] = PDType0Font.load(scratch, ttf, false);
          subsets[i] = new FontSubset(ttf, drawing[i], i);
          advances[i] = new int[TABULATED];
          float scaling = 1000f / ttf.getHeader().getUnitsPerEm();
          org.apache.fontbox.ttf.CmapLookup cmap = ttf.getUnicodeCmapLookup();
          for (int cp = 0; cp < TABULATED; cp++) {
            int gid = cmap.getGlyphId(cp);
            advances[i][cp] = gid == 0 ? 0 : Math.round(ttf.getHorizontalMetrics().getAdvanceWidth(gid) * scaling);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = CertificateFonts.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing font resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
