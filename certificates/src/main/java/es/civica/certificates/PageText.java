package es.civica.certificates;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Text placement on a content stream: measured, aligned, shrunk to fit or wrapped. */
final class PageText {

  private final PDPageContentStream cs;
  private final CertificateFonts.Faces faces;

  /** Text on a content stream, recording the characters shown with each font. */
  PageText(PDPageContentStream cs, CertificateFonts.Faces faces) {
    this.cs = cs;
    this.faces = faces;
  }

  float width(PDFont font, float size, String text) throws IOException {
    return faces.width(font, text) / 1000f * size;
  }

  /** The largest size up to {@code size} (and not under {@code min}) at which the text fits the width. */
  float fit(PDFont font, float size, float min, float maxWidth, String text) throws IOException {
    float w = width(font, size, text);
    return w <= maxWidth ? size : Math.max(min, size * maxWidth / w);
  }

  /**
   * Splits text into at most two lines of similar width when it does not fit on one, preferring to break
   * after a colon or comma and not after a word of one or two letters ("de", "la", "y"); longer texts are
   * wrapped greedily.
   */
  List<String> balanced(PDFont font, float size, float maxWidth, String text) throws IOException {
    if (width(font, size, text) <= maxWidth) {
      return List.of(text);
    }
    String[] words = text.trim().split("\\s+");
    List<String> best = null;
    float bestScore = Float.MAX_VALUE;
    for (int cut = 1; cut < words.length; cut++) {
      String first = String.join(" ", Arrays.copyOfRange(words, 0, cut));
      String second = String.join(" ", Arrays.copyOfRange(words, cut, words.length));
      float widest = Math.max(width(font, size, first), width(font, size, second));
      if (widest > maxWidth) {
        continue;
      }
      String last = words[cut - 1];
      float score = widest;
      if (last.endsWith(":") || last.endsWith(",")) {
        score -= 0.25f * maxWidth;
      } else if (last.length() <= 2) {
        score += 0.15f * maxWidth;
      }
      if (score < bestScore) {
        bestScore = score;
        best = List.of(first, second);
      }
    }
    return best == null ? wrap(font, size, maxWidth, text) : best;
  }

  /** Splits text into lines no wider than maxWidth, breaking at spaces. */
  List<String> wrap(PDFont font, float size, float maxWidth, String text) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && width(font, size, candidate) > maxWidth) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  void left(PDFont font, float size, float[] color, float x, float y, String text) throws IOException {
    Palette.fill(cs, color);
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(text);
    faces.usage().record(font, text);
    cs.endText();
  }

  void centered(PDFont font, float size, float[] color, float centreX, float y, String text) throws IOException {
    left(font, size, color, centreX - width(font, size, text) / 2, y, text);
  }

  void right(PDFont font, float size, float[] color, float rightX, float y, String text) throws IOException {
    left(font, size, color, rightX - width(font, size, text), y, text);
  }

  /** Left-aligned, shortened with an ellipsis if wider than maxWidth. */
  void clipped(PDFont font, float size, float[] color, float x, float y, float maxWidth, String text)
      throws IOException {
    String shown = text;
    if (width(font, size, shown) > maxWidth) {
      while (shown.length() > 1 && width(font, size, shown + "…") > maxWidth) {
        shown = shown.substring(0, shown.length() - 1);
      }
      shown = shown.stripTrailing() + "…";
    }
    left(font, size, color, x, y, shown);
  }
}
