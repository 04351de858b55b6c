package es.civica.certificates;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Cívica's built-in logo, drawn as vector paths: a navy disc with a gold ring and a white classical façade
 * (pediment, four columns, steps) — a public building. Used when the issuer has no logo of its own.
 */
final class DefaultLogo {

  private static final float KAPPA = 0.5523f;

  private DefaultLogo() {
  }

  /** Draws the logo in the square with lower-left corner (x, y). */
  static void draw(PDPageContentStream cs, float x, float y, float size) throws IOException {
    float r = size / 2;
    float cx = x + r;
    float cy = y + r;
    cs.saveGraphicsState();
    Palette.fill(cs, Palette.NAVY);
    circle(cs, cx, cy, r);
    cs.fill();
    Palette.stroke(cs, Palette.GOLD);
    cs.setLineWidth(size * 0.03f);
    circle(cs, cx, cy, r * 0.86f);
    cs.stroke();

    Palette.fill(cs, Palette.WHITE);
    float w = size * 0.46f; // façade width
    float left = cx - w / 2;
    float base = cy - size * 0.22f;
    // steps
    cs.addRect(left - size * 0.03f, base, w + size * 0.06f, size * 0.045f);
    cs.addRect(left, base + size * 0.06f, w, size * 0.04f);
    // four columns
    float colW = w * 0.12f;
    float colH = size * 0.22f;
    float colBase = base + size * 0.115f;
    for (int i = 0; i < 4; i++) {
      float colX = left + w * 0.06f + i * (w * 0.88f - colW) / 3;
      cs.addRect(colX, colBase, colW, colH);
    }
    // entablature
    float beam = colBase + colH + size * 0.015f;
    cs.addRect(left, beam, w, size * 0.045f);
    // pediment
    float roof = beam + size * 0.06f;
    cs.moveTo(left - size * 0.02f, roof);
    cs.lineTo(left + w + size * 0.02f, roof);
    cs.lineTo(cx, roof + size * 0.13f);
    cs.closePath();
    cs.fill();
    cs.restoreGraphicsState();
  }

  private static void circle(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
    float k = KAPPA * r;
    cs.moveTo(cx + r, cy);
    cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    cs.closePath();
  }
}
