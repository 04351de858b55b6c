package es.civica.certificates;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** The certificate's colours (DeviceRGB, under the document's sRGB output intent). */
final class Palette {

  static final float[] NAVY = rgb(0x1C, 0x3A, 0x5E);
  static final float[] GOLD = rgb(0xB8, 0x92, 0x3A);
  static final float[] INK = rgb(0x22, 0x22, 0x22);
  static final float[] GREY = rgb(0x5F, 0x66, 0x6D);
  static final float[] TINT = rgb(0xE9, 0xEE, 0xF4);
  static final float[] ROW = rgb(0xF6, 0xF8, 0xFA);
  static final float[] WHITE = rgb(0xFF, 0xFF, 0xFF);

  private Palette() {
  }

  static void fill(PDPageContentStream cs, float[] c) throws IOException {
    cs.setNonStrokingColor(c[0], c[1], c[2]);
  }

  static void stroke(PDPageContentStream cs, float[] c) throws IOException {
    cs.setStrokingColor(c[0], c[1], c[2]);
  }

  private static float[] rgb(int r, int g, int b) {
    return new float[] {r / 255f, g / 255f, b / 255f};
  }
}
