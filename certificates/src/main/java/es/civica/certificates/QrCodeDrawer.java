package es.civica.certificates;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws a QR code (ZXing's encoder, error correction level M) as vector modules: each horizontal run of dark
 * modules is one filled rectangle in the content stream, on a white square that includes the 4-module quiet
 * zone.
 */
final class QrCodeDrawer {

  static final int QUIET_ZONE = 4;

  private QrCodeDrawer() {
  }

  /** The QR symbol for an ASCII text (byte mode, ISO-8859-1, no ECI). */
  static QRCode encode(String text) {
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      throw new IllegalArgumentException("The QR text must be ASCII (percent-encode the URL)");
    }
    try {
      return Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("The text does not fit in a QR code", e);
    }
  }

  /**
   * Draws the symbol with its lower-left corner (quiet zone included) at (x, y) as a square of the given
   * side in points.
   */
  static void draw(PDPageContentStream cs, QRCode qr, float x, float y, float side) throws IOException {
    ByteMatrix matrix = qr.getMatrix();
    int n = matrix.getWidth();
    float module = side / (n + 2 * QUIET_ZONE);
    cs.setNonStrokingColor(1f, 1f, 1f);
    cs.addRect(x, y, side, side);
    cs.fill();
    cs.setNonStrokingColor(0f, 0f, 0f);
    float top = y + side - QUIET_ZONE * module;
    for (int row = 0; row < n; row++) {
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
        cs.addRect(x + (QUIET_ZONE + start) * module, top - (row + 1) * module, (col - start) * module, module);
      }
    }
    cs.fill();
  }
}
