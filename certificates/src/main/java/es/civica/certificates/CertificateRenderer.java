package es.civica.certificates;

import com.google.zxing.qrcode.encoder.QRCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Renders a certificate as a one-page PDF/A-3b document: the page ({@link CertificatePage}), the metadata
 * and output intent ({@link PdfA3}) and the signed credential attached as {@code credential.json}
 * ({@code /AFRelationship /Data}: the data the page presents).
 *
 * <p>Thread-safe. Fonts are prepared once ({@link CertificateFonts}), logos are encoded once per distinct
 * image ({@link LogoImage}), the QR is written as compact vector content ({@link QrCodeDrawer}) and the XMP
 * packet comes from a template ({@link PdfA3}), so a document costs little more than its own drawing and
 * writing.
 */
public final class CertificateRenderer {

  /** The name of the attached credential. */
  public static final String CREDENTIAL_FILE = "credential.json";
  static final String CREDENTIAL_MIME = "application/json";

  private final Map<ByteBuffer, LogoImage> logos = new ConcurrentHashMap<>();

  /** The PDF bytes of a certificate whose QR code encodes {@code qrUrl}. */
  public byte[] render(CertificateData data, String credentialJson, String qrUrl) throws IOException {
    QRCode qr = QrCodeDrawer.encode(qrUrl);
    Calendar now = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    now.set(Calendar.MILLISECOND, 0);
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(CertificatePage.A4_LANDSCAPE);
      doc.addPage(page);
      CertificateFonts.Faces faces = CertificateFonts.forDocument();
      try {
        CertificatePage.draw(doc, page, data, faces, qr, qrUrl, logo(data.issuer()));
      } catch (IllegalArgumentException e) {
        // PDFBox: "No glyph for U+… in font …"
        throw new IllegalArgumentException("The certificate's fonts (Liberation) cannot show a character of its "
            + "data: " + e.getMessage(), e);
      }
      CertificateFonts.bind(faces, doc, page);
      PdfA3.describe(doc, new PdfA3.Description(
          "Certificado de " + data.holderName() + ": " + data.courseTitle(),
          data.issuer().name(),
          "Certificado de aprovechamiento n.º " + data.id() + ". Verificación: " + data.verificationUrl(),
          List.of("certificado", "Open Badges 3.0", "credencial verificable", data.id()),
          data.id(), qrUrl, "es-ES", now));
      PdfA3.attach(doc, CREDENTIAL_FILE, CREDENTIAL_MIME,
          "Credencial verificable Open Badges 3.0 firmada (eddsa-jcs-2022)", PdfA3.utf8(credentialJson), "Data", now);
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      doc.save(out);
      return out.toByteArray();
    }
  }

  private LogoImage logo(IssuerProfile issuer) {
    if (!issuer.hasLogo()) {
      return null;
    }
    ByteBuffer key = ByteBuffer.wrap(issuer.logoBytesShared());
    LogoImage logo = logos.get(key);
    if (logo == null) {
      if (logos.size() > 32) {
        logos.clear();
      }
      logo = LogoImage.of(issuer.logoBytesShared());
      logos.put(key, logo);
    }
    return logo;
  }
}
