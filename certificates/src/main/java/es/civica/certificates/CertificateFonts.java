package es.civica.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The certificate's typefaces (Liberation Serif Bold, Liberation Sans and Liberation Sans Bold, SIL Open Font
 * License; see {@code fonts/LICENSE-Liberation-OFL-1.1.txt}), embedded as subsets.
 *
 * <p>The TTF bytes are read from the classpath once. Each thread parses them once into FontBox
 * {@link TrueTypeFont}s (which read lazily and are not thread-safe, so they are per thread) and reuses them
 * for every document it renders; a document gets its own {@link PDType0Font} with only the glyphs it uses.
 */
final class CertificateFonts {

  private static final byte[] SERIF_BOLD = resource("fonts/LiberationSerif-Bold.ttf");
  private static final byte[] SANS = resource("fonts/LiberationSans-Regular.ttf");
  private static final byte[] SANS_BOLD = resource("fonts/LiberationSans-Bold.ttf");

  private static final ThreadLocal<Parsed> PARSED = ThreadLocal.withInitial(Parsed::new);

  private CertificateFonts() {
  }

  /** The three faces of one document. */
  record Faces(PDType0Font serifBold, PDType0Font sans, PDType0Font sansBold) {
  }

  /** Loads the faces into a document, subset on save. */
  static Faces load(PDDocument doc) throws IOException {
    Parsed parsed = PARSED.get();
    return new Faces(PDType0Font.load(doc, parsed.serifBold, true), PDType0Font.load(doc, parsed.sans, true),
        PDType0Font.load(doc, parsed.sansBold, true));
  }

  private static final class Parsed {
    final TrueTypeFont serifBold = parse(SERIF_BOLD);
    final TrueTypeFont sans = parse(SANS);
    final TrueTypeFont sansBold = parse(SANS_BOLD);
  }

  private static TrueTypeFont parse(byte[] ttf) {
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
