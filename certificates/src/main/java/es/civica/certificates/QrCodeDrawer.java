package es.civica.certificates;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws a QR code (ZXing's encoder, error correction level M) as vector modules. The symbol is a form
 * XObject in module units: a white square including the 4-module quiet zone, then each horizontal run of
 * dark modules as one filled rectangle with integer coordinates; the page scales it to size. The form's
 * content is written and deflated here directly (fast compression), because a QR of 70-odd modules a side has
 * a couple of thousand runs.
 *
 * <p>The mask pattern is the one with the lowest penalty, as ISO/IEC 18004 asks, chosen by {@link QrMasks}
 * (ZXing's own choice rebuilds the symbol eight times, about 1 ms for our 70-odd-module symbols, most of the
 * issuing time); ZXing then builds the symbol with that mask.
 */
final class QrCodeDrawer {

  static final int QUIET_ZONE = 4;
  private static final ErrorCorrectionLevel EC_LEVEL = ErrorCorrectionLevel.M;
  private static final Map<EncodeHintType, Object> MASK_0 = hints(0);
  private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));

  private QrCodeDrawer() {
  }

  /** The QR symbol for an ASCII text (byte mode, ISO-8859-1, no ECI). */
  static QRCode encode(String text) {
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      throw new IllegalArgumentException("The QR text must be ASCII (percent-encode the URL)");
    }
    try {
      QRCode withMask0 = Encoder.encode(text, EC_LEVEL, MASK_0);
      int mask = QrMasks.choose(withMask0);
      return mask == 0 ? withMask0 : Encoder.encode(text, EC_LEVEL, hints(mask));
    } catch (WriterException e) {
      throw new IllegalArgumentException("The text does not fit in a QR code", e);
    }
  }

  private static Map<EncodeHintType, Object> hints(int mask) {
    return Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1", EncodeHintType.QR_MASK_PATTERN, mask);
  }

  /**
   * Draws the symbol with its lower-left corner (quiet zone included) at (x, y) as a square of the given
   * side in points.
   */
  static void draw(PDDocument doc, PDPageContentStream cs, QRCode qr, float x, float y, float side)
      throws IOException {
    ByteMatrix matrix = qr.getMatrix();
    int n = matrix.getWidth();
    int size = n + 2 * QUIET_ZONE;
    PDFormXObject form = new PDFormXObject(formStream(doc, modules(matrix)));
    form.setBBox(new PDRectangle(0, 0, size, size));
    form.setResources(new PDResources());
    cs.saveGraphicsState();
    cs.transform(new Matrix(side / size, 0, 0, side / size, x, y));
    cs.drawForm(form);
    cs.restoreGraphicsState();
  }

  /** The form's content: white background, then the dark runs, row 0 at the top. */
  static byte[] modules(ByteMatrix matrix) {
    int n = matrix.getWidth();
    int size = n + 2 * QUIET_ZONE;
    StringBuilder s = new StringBuilder(n * n / 2);
    s.append("1 1 1 rg 0 0 ").append(size).append(' ').append(size).append(" re f\n0 0 0 rg\n");
    for (int row = 0; row < n; row++) {
      int y = size - QUIET_ZONE - row - 1;
      int col = 0;
      while (col < n) {
        if (matrix.get(col, row) != 1) {
          col++;
          continue;
        }
        int start = col;
        while (col < n && matrix.get(col, row) == 1) {
          col++;
        }
        s.append(QUIET_ZONE + start).append(' ').append(y).append(' ').append(col - start).append(" 1 re\n");
      }
    }
    s.append("f\n");
    return s.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static COSStream formStream(PDDocument doc, byte[] content) throws IOException {
    Deflater deflater = DEFLATER.get();
    deflater.reset();
    deflater.setInput(content);
    deflater.finish();
    ByteArrayOutputStream deflated = new ByteArrayOutputStream(content.length / 3);
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      deflated.write(buffer, 0, deflater.deflate(buffer));
    }
    COSStream stream = doc.getDocument().createCOSStream();
    stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
    try (OutputStream out = stream.createRawOutputStream()) {
      deflated.writeTo(out);
    }
    return stream;
  }
}
