package es.civica.certificates;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * An issuer's logo (PNG or JPEG), decoded and compressed into a PDF image (with its soft mask, for
 * transparent PNGs) once; each document gets a copy of the encoded image without decoding or compressing
 * anything again. Images larger than {@value #MAX_SIDE} pixels are scaled down first.
 */
final class LogoImage {

  static final int MAX_SIDE = 480;

  private final CosTemplate image;
  private final int width;
  private final int height;

  private LogoImage(CosTemplate image, int width, int height) {
    this.image = image;
    this.width = width;
    this.height = height;
  }

  /** Decodes and encodes the logo once. */
  static LogoImage of(byte[] pngOrJpeg) {
    try {
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(pngOrJpeg));
      if (decoded == null) {
        throw new IllegalArgumentException("The logo is not a PNG or JPEG image");
      }
      BufferedImage scaled = scaleDown(decoded);
      try (PDDocument scratch = new PDDocument()) {
        PDImageXObject x = LosslessFactory.createFromImage(scratch, scaled);
        return new LogoImage(CosTemplate.of(x.getCOSObject()), scaled.getWidth(), scaled.getHeight());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** A copy of the encoded image in the document. */
  PDImageXObject into(PDDocument doc) throws IOException {
    return new PDImageXObject(new PDStream((COSStream) image.instantiate(doc)), null);
  }

  private static BufferedImage scaleDown(BufferedImage img) {
    int side = Math.max(img.getWidth(), img.getHeight());
    if (side <= MAX_SIDE) {
      return img;
    }
    double f = (double) MAX_SIDE / side;
    int w = Math.max(1, (int) Math.round(img.getWidth() * f));
    int h = Math.max(1, (int) Math.round(img.getHeight() * f));
    BufferedImage out = new BufferedImage(w, h,
        img.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(img, 0, 0, w, h, null);
    g.dispose();
    return out;
  }
}
