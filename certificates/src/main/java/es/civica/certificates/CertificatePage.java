package es.civica.certificates;

import com.google.zxing.qrcode.encoder.QRCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;

/**
 * The certificate's one page, A4 landscape, in Spanish: frame, issuer and logo, title, holder, course, the
 * units table, dates, the QR code bottom right (with a link annotation carrying the same URL) and the small
 * print with the id and the verification URL.
 */
final class CertificatePage {

  static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
  private static final Locale ES = Locale.forLanguageTag("es-ES");
  static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", ES);
  private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", ES);
  private static final String[] NUMBERS = {"cero", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete",
      "ocho", "nueve", "diez"};

  private static final float W = A4_LANDSCAPE.getWidth();   // 841.9
  private static final float H = A4_LANDSCAPE.getHeight();  // 595.3
  private static final float MARGIN = 52;
  private static final float QR_SIDE = 124;

  private CertificatePage() {
  }

  static void draw(PDDocument doc, PDPage page, CertificateData data, CertificateFonts.Faces f, QRCode qr,
      String qrUrl, LogoImage logo) throws IOException {
    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
      PageText t = new PageText(cs, f);
      frame(cs);
      header(doc, cs, t, data, f, logo);
      float y = body(cs, t, data, f);
      unitsTable(cs, t, data, f, Math.min(y, 262));
      footer(t, data, f);
      float qrX = W - MARGIN - QR_SIDE + 6;
      float qrY = 50;
      QrCodeDrawer.draw(doc, cs, qr, qrX, qrY, QR_SIDE);
      t.centered(f.sansBold(), 8, Palette.NAVY, qrX + QR_SIDE / 2, qrY + QR_SIDE + 6, "Escanee para verificar");
      link(page, qrX, qrY, QR_SIDE, qrUrl);
    }
  }

  private static void frame(PDPageContentStream cs) throws IOException {
    Palette.stroke(cs, Palette.NAVY);
    cs.setLineWidth(3.5f);
    cs.addRect(18, 18, W - 36, H - 36);
    cs.stroke();
    Palette.stroke(cs, Palette.GOLD);
    cs.setLineWidth(0.8f);
    cs.addRect(25, 25, W - 50, H - 50);
    cs.stroke();
  }

  private static void header(PDDocument doc, PDPageContentStream cs, PageText t, CertificateData data,
      CertificateFonts.Faces f, LogoImage logo) throws IOException {
    float logoSize = 58;
    float logoX = MARGIN;
    float logoY = H - 46 - logoSize;
    if (logo == null) {
      DefaultLogo.draw(cs, logoX, logoY, logoSize);
    } else {
      PDImageXObject image = logo.into(doc);
      float scale = Math.min(logoSize / logo.width(), logoSize / logo.height());
      float w = logo.width() * scale;
      float h = logo.height() * scale;
      cs.drawImage(image, logoX + (logoSize - w) / 2, logoY + (logoSize - h) / 2, w, h);
    }
    float textX = logoX + logoSize + 14;
    String issuer = data.issuer().name();
    float size = t.fit(f.sansBold(), 14, 10, 430, issuer);
    t.left(f.sansBold(), size, Palette.NAVY, textX, logoY + 32, issuer);
    t.left(f.sans(), 9.5f, Palette.GREY, textX, logoY + 16, displayUrl(data.issuer().url()));

    float right = W - MARGIN;
    t.right(f.sans(), 8, Palette.GREY, right, logoY + 36, "Certificado n.º");
    t.right(f.sansBold(), 11, Palette.NAVY, right, logoY + 21, data.id());

    Palette.stroke(cs, Palette.GOLD);
    cs.setLineWidth(0.8f);
    cs.moveTo(MARGIN, logoY - 12);
    cs.lineTo(W - MARGIN, logoY - 12);
    cs.stroke();
  }

  /** Title, holder and course; returns the y below which the units table may start. */
  private static float body(PDPageContentStream cs, PageText t, CertificateData data, CertificateFonts.Faces f)
      throws IOException {
    float cx = W / 2;
    t.centered(f.serifBold(), 30, Palette.NAVY, cx, 432, "Certificado de aprovechamiento");
    t.centered(f.sans(), 12, Palette.GREY, cx, 404, "Se certifica que");

    float nameSize = t.fit(f.serifBold(), 28, 16, 620, data.holderName());
    t.centered(f.serifBold(), nameSize, Palette.INK, cx, 370, data.holderName());
    float lineW = Math.max(320, t.width(f.serifBold(), nameSize, data.holderName()) + 60);
    Palette.stroke(cs, Palette.GOLD);
    cs.setLineWidth(0.8f);
    cs.moveTo(cx - lineW / 2, 360);
    cs.lineTo(cx + lineW / 2, 360);
    cs.stroke();

    t.centered(f.sans(), 12, Palette.GREY, cx, 340, "ha superado con aprovechamiento el curso");
    float courseSize = 15;
    List<String> lines = t.balanced(f.sansBold(), courseSize, 660, data.courseTitle());
    if (lines.size() > 2) {
      courseSize = 13;
      lines = t.balanced(f.sansBold(), courseSize, 680, data.courseTitle());
    }
    float y = 318;
    for (String line : lines.subList(0, Math.min(2, lines.size()))) {
      t.centered(f.sansBold(), courseSize, Palette.NAVY, cx, y, line);
      y -= courseSize + 4;
    }
    int n = data.units().size();
    String units = n <= 10 ? NUMBERS[n] : String.valueOf(n);
    t.centered(f.sans(), 11, Palette.INK, cx, y - 4, "con una duración de " + data.hours() + " horas, tras superar "
        + (n == 1 ? "su única unidad" : "sus " + units + " unidades") + ":");
    return y - 22;
  }

  private static void unitsTable(PDPageContentStream cs, PageText t, CertificateData data,
      CertificateFonts.Faces f, float top) throws IOException {
    float x = MARGIN + 8;
    float width = W - 2 * MARGIN - QR_SIDE - 40;
    float rowH = 17f;
    float[] cols = {x + 8, x + 62, x + width - 150, x + width - 8}; // Unidad | Título | Superada el | Puntuación
    Palette.fill(cs, Palette.NAVY);
    cs.addRect(x, top - rowH, width, rowH);
    cs.fill();
    float baseline = top - rowH + 5.5f;
    t.left(f.sansBold(), 8.5f, Palette.WHITE, cols[0], baseline, "Unidad");
    t.left(f.sansBold(), 8.5f, Palette.WHITE, cols[1], baseline, "Título");
    t.left(f.sansBold(), 8.5f, Palette.WHITE, cols[2], baseline, "Superada el");
    t.right(f.sansBold(), 8.5f, Palette.WHITE, cols[3], baseline, "Puntuación");
    float y = top - rowH;
    int i = 0;
    for (UnitResult unit : data.units()) {
      y -= rowH;
      if (i++ % 2 == 1) {
        Palette.fill(cs, Palette.ROW);
        cs.addRect(x, y, width, rowH);
        cs.fill();
      }
      baseline = y + 5.5f;
      t.left(f.sansBold(), 9, Palette.NAVY, cols[0] + 10, baseline, String.valueOf(unit.number()));
      t.clipped(f.sans(), 9, Palette.INK, cols[1], baseline, cols[2] - cols[1] - 12, unit.title());
      t.left(f.sans(), 9, Palette.INK, cols[2], baseline, SHORT_DATE.format(unit.passedOn()));
      t.right(f.sans(), 9, Palette.INK, cols[3], baseline, percent(unit.scaledScore()));
    }
    Palette.stroke(cs, Palette.TINT);
    cs.setLineWidth(0.6f);
    cs.moveTo(x, y);
    cs.lineTo(x + width, y);
    cs.stroke();
  }

  private static void footer(PageText t, CertificateData data, CertificateFonts.Faces f) throws IOException {
    float x = MARGIN + 8;
    float y = 104;
    float valueX = x + 10 + Math.max(t.width(f.sans(), 9.5f, "Fecha de expedición:"),
        t.width(f.sans(), 9.5f, "Válido hasta:"));
    t.left(f.sans(), 9.5f, Palette.GREY, x, y, "Fecha de expedición:");
    t.left(f.sansBold(), 9.5f, Palette.INK, valueX, y, LONG_DATE.format(data.issuedOn()));
    if (data.expiresOn() != null) {
      y -= 14;
      t.left(f.sans(), 9.5f, Palette.GREY, x, y, "Válido hasta:");
      t.left(f.sansBold(), 9.5f, Palette.INK, valueX, y, LONG_DATE.format(data.expiresOn()));
    }
    if (data.replacesId() != null) {
      y -= 14;
      t.left(f.sans(), 9.5f, Palette.GREY, x, y, "Sustituye al certificado n.º " + data.replacesId());
    }

    float maxW = W - 2 * MARGIN - QR_SIDE - 40;
    float line = 34;
    String keyUrl = origin(data.verificationUrl());
    if (keyUrl != null) {
      t.clipped(f.sans(), 7.5f, Palette.GREY, x, line, maxW, "Clave pública del emisor: " + keyUrl
          + IssuerDocument.WELL_KNOWN_PATH);
      line += 10;
    }
    t.clipped(f.sans(), 7.5f, Palette.GREY, x, line, maxW, "Identificador: " + data.id() + "   ·   Verificación: "
        + data.verificationUrl());
    line += 10;
    List<String> about = t.wrap(f.sans(), 7.5f, maxW, "Expedido por " + data.issuer().name()
        + " y firmado electrónicamente (Ed25519). Incorpora la credencial verificable Open Badges 3.0 "
        + "«credential.json».");
    for (int i = Math.min(about.size(), 2) - 1; i >= 0; i--) {
      t.clipped(f.sans(), 7.5f, Palette.GREY, x, line, maxW, about.get(i));
      line += 10;
    }
  }

  private static void link(PDPage page, float x, float y, float side, String url) throws IOException {
    PDAnnotationLink link = new PDAnnotationLink();
    link.setRectangle(new PDRectangle(x, y, side, side));
    PDBorderStyleDictionary border = new PDBorderStyleDictionary();
    border.setWidth(0);
    link.setBorderStyle(border);
    link.setPrinted(true);
    PDActionURI action = new PDActionURI();
    action.setURI(url);
    link.setAction(action);
    page.setAnnotations(List.of(link));
  }

  /** 85 % with a Spanish decimal comma when needed, e.g. "85,5 %". */
  static String percent(double scaledScore) {
    BigDecimal p = BigDecimal.valueOf(scaledScore * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return p.toPlainString().replace('.', ',') + " %";
  }

  private static String displayUrl(String url) {
    return url.replaceFirst("^https?://", "").replaceFirst("/$", "");
  }

  /** scheme://host[:port] of a URL, or null when it has none. */
  static String origin(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getRawAuthority() == null) {
        return null;
      }
      return uri.getScheme() + "://" + uri.getRawAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
