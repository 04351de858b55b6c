package es.civica.certificates;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Images made on the fly for the tests. */
final class TestImages {

  private TestImages() {
  }

  /** A 200×200 PNG with an alpha channel: a red disc with a white cross on a transparent ground. */
  static byte[] transparentPng() {
    BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(0xB0, 0x1E, 0x2D));
    g.fillOval(10, 10, 180, 180);
    g.setColor(Color.WHITE);
    g.fillRect(85, 40, 30, 120);
    g.fillRect(40, 85, 120, 30);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
