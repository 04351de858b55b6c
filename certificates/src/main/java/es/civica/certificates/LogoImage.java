package es.civica.certificates;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * An issuer's logo (PNG or JPEG), decoded and compressed into a PDF image once; each document then gets a
 * copy of the already-encoded stream (and of its soft mask, for transparent PNGs) without decoding or
 * compressing anything again. Images larger than {@value #MAX_SIDE} pixels are scaled down first.
 */
final class LogoImage {

  static final int MAX_SIDE = 480;

  private final EncodedStream image;
  private final EncodedStream softMask;
  private final int width;
  private final int height;

  private LogoImage(EncodedStream image, EncodedStream softMask, int width, int height) {
    this.image = image;
    this.softMask = softMask;
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
        COSStream mask = x.getCOSObject().getCOSStream(COSName.SMASK);
        return new LogoImage(EncodedStream.of(x.getCOSObject()), mask == null ? null : EncodedStream.of(mask),
            scaled.getWidth(), scaled.getHeight());
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

  /** A copy of the encoded image (and soft mask) in the document. */
  PDImageXObject into(PDDocument doc) throws IOException {
    COSStream stream = image.into(doc);
    if (softMask != null) {
      stream.setItem(COSName.SMASK, softMask.into(doc));
    }
    return new PDImageXObject(new PDStream(stream), null);
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

  /** The raw (still filtered) bytes of a stream and its dictionary's direct entries. */
  private record EncodedStream(byte[] raw, COSDictionary dictionary) {

    static EncodedStream of(COSStream stream) throws IOException {
      try (InputStream in = stream.createRawInputStream()) {
        COSDictionary dict = new COSDictionary();
        for (Map.Entry<COSName, COSBase> e : stream.entrySet()) {
          if (!e.getKey().equals(COSName.LENGTH) && !e.getKey().equals(COSName.SMASK)) {
            dict.setItem(e.getKey(), copy(e.getValue()));
          }
        }
        return new EncodedStream(in.readAllBytes(), dict);
      }
    }

    COSStream into(PDDocument doc) throws IOException {
      COSStream stream = doc.getDocument().createCOSStream();
      for (Map.Entry<COSName, COSBase> e : dictionary.entrySet()) {
        stream.setItem(e.getKey(), copy(e.getValue()));
      }
      try (OutputStream out = stream.createRawOutputStream()) {
        out.write(raw);
      }
      return stream;
    }

    private static COSBase copy(COSBase value) {
      if (value instanceof COSObject indirect) {
        return copy(indirect.getObject());
      }
      if (value instanceof COSStream) {
        throw new IllegalArgumentException("Unexpected stream inside an image dictionary");
      }
      if (value instanceof COSArray array) {
        COSArray out = new COSArray();
        for (int i = 0; i < array.size(); i++) {
          out.add(copy(array.get(i)));
        }
        return out;
      }
      if (value instanceof COSDictionary dict) {
        COSDictionary out = new COSDictionary();
        for (Map.Entry<COSName, COSBase> e : dict.entrySet()) {
          out.setItem(e.getKey(), copy(e.getValue()));
        }
        return out;
      }
      return value; // names, numbers, booleans: immutable
    }
  }
}
