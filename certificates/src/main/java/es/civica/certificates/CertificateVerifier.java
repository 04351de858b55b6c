package es.civica.certificates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Verifies a certificate PDF offline with the issuer's public key(s):
 * <ol>
 *   <li>extracts the attached {@code credential.json} and checks its eddsa-jcs-2022 proof;</li>
 *   <li>rasterises the page with PDFBox's renderer and decodes the QR code with ZXing (see
 *       {@link #decodeQr(PDDocument)}), and reads the URL of the link annotation over it; both must be there and
 *       be the same URL;</li>
 *   <li>checks the QR token's EdDSA signature;</li>
 *   <li>checks that the token and the credential state the same id, holder, course and dates, and that the
 *       QR points at the credential's verification URL;</li>
 *   <li>checks that the page's text shows that id, holder, course and dates (so that a page edited to show
 *       another name fails, though it still carries the genuine credential).</li>
 * </ol>
 * The signatures cover the credential and the QR token, not every byte of the file: the SHA-256 fingerprint
 * the server records is what identifies the exact file issued.
 * Any failure throws {@link VerificationException} saying which check failed. Revocation is only known
 * online ({@code /verify/{id}}).
 */
public final class CertificateVerifier {

  /** Resolutions the page is rasterised at, in order, until the QR code is read. */
  static final float[] DPIS = {200, 150, 300};

  private final List<IssuerPublicKey> trusted;

  public CertificateVerifier(Collection<IssuerPublicKey> trusted) {
    this.trusted = List.copyOf(trusted);
    if (this.trusted.isEmpty()) {
      throw new IllegalArgumentException("At least one trusted issuer key");
    }
  }

  public CertificateVerifier(IssuerPublicKey trusted) {
    this(List.of(trusted));
  }

  /**
   * @return the verified certificate's contents
   * @throws VerificationException saying which check failed
   */
  public VerifiedCertificate verify(byte[] pdf) {
    Objects.requireNonNull(pdf, "pdf");
    try (PDDocument doc = load(pdf)) {
      ObjectNode credential = credential(doc);
      IssuerPublicKey key = DataIntegrityProof.verify(credential, trusted);
      CertificateSummary fromCredential = CredentialReader.summary(credential);

      PDPage page = doc.getPage(0);
      String linkUrl = linkUrl(page);
      String imageUrl = decodeQr(doc);
      if (imageUrl == null) {
        throw new VerificationException("no se pudo leer el código QR de la página");
      }
      if (linkUrl == null) {
        throw new VerificationException("el certificado no tiene el enlace de verificación sobre el QR");
      }
      if (!imageUrl.equals(linkUrl)) {
        throw new VerificationException("el código QR impreso y el enlace del documento no coinciden");
      }
      String token = QrToken.tokenOf(imageUrl);
      if (token == null) {
        throw new VerificationException("el código QR no lleva el token firmado (#t=…)");
      }
      CertificateSummary fromQr = QrToken.verify(token, List.of(key));
      if (!fromQr.equals(fromCredential)) {
        throw new VerificationException("los datos del código QR (" + describe(fromQr)
            + ") no coinciden con los de la credencial (" + describe(fromCredential) + ")");
      }
      if (!QrToken.verificationUrlOf(imageUrl).equals(CredentialReader.verificationUrl(credential))) {
        throw new VerificationException("el código QR no apunta a la dirección de verificación de la credencial");
      }
      checkPageText(doc, fromCredential);
      return new VerifiedCertificate(fromCredential, CredentialReader.issuerName(credential), key.didKey(),
          CredentialReader.hours(credential), CredentialReader.units(credential), imageUrl, true,
          CertificateIssuer.sha256Hex(pdf), Json.pretty(credential));
    } catch (IOException e) {
      throw new VerificationException("el PDF no se puede leer: " + e.getMessage(), e);
    }
  }

  private static PDDocument load(byte[] pdf) {
    try {
      return Loader.loadPDF(pdf);
    } catch (IOException e) {
      throw new VerificationException("no es un PDF legible: " + e.getMessage(), e);
    }
  }

  /** The page must show the essentials the signatures vouch for. */
  static void checkPageText(PDDocument doc, CertificateSummary s) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(1);
    stripper.setEndPage(1);
    String text = normalise(stripper.getText(doc));
    List<String> expected = new java.util.ArrayList<>(List.of(s.id(), s.holderName(), s.courseTitle(),
        CertificatePage.LONG_DATE.format(s.issuedOn())));
    if (s.expiresOn() != null) {
      expected.add(CertificatePage.LONG_DATE.format(s.expiresOn()));
    }
    for (String value : expected) {
      if (!text.contains(normalise(value))) {
        throw new VerificationException("el texto impreso en la página no coincide con la credencial (no aparece «"
            + value + "»)");
      }
    }
  }

  private static String normalise(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  /** The attached credential, parsed. */
  static ObjectNode credential(PDDocument doc) throws IOException {
    PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
    PDEmbeddedFilesNameTreeNode files = names == null ? null : names.getEmbeddedFiles();
    Map<String, PDComplexFileSpecification> map = files == null ? null : files.getNames();
    PDComplexFileSpecification spec = map == null ? null : map.get(CertificateRenderer.CREDENTIAL_FILE);
    PDEmbeddedFile file = spec == null ? null : spec.getEmbeddedFile();
    if (file == null) {
      throw new VerificationException("el PDF no lleva la credencial adjunta (" + CertificateRenderer.CREDENTIAL_FILE + ")");
    }
    try {
      return Json.parseObject(new String(file.toByteArray(), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new VerificationException("la credencial adjunta está dañada: " + e.getMessage(), e);
    }
  }

  /** The URI of the first link annotation with a URI action, or null. */
  static String linkUrl(PDPage page) throws IOException {
    for (PDAnnotation annotation : page.getAnnotations()) {
      if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
        return uri.getURI();
      }
    }
    return null;
  }

  /**
   * Rasterises the first page and decodes its QR code, or returns null when none is found. ZXing's detector
   * occasionally misses a symbol on a whole page at one resolution or setting and finds it at another, so
   * this tries, until one reads: rendering without anti-aliasing (like a scanner's thresholded image) and
   * with it; at 200, 150 and 300 dpi; with ZXing's normal and "try harder" searches. The first attempt
   * reads all but about one symbol in a hundred; all of them together read every one of several thousand
   * test certificates.
   */
  static String decodeQr(PDDocument doc) throws IOException {
    PDFRenderer renderer = new PDFRenderer(doc);
    RenderingHints crisp = new RenderingHints(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    crisp.put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
    for (RenderingHints hints : new RenderingHints[] {crisp, null}) {
      renderer.setRenderingHints(hints);
      for (float dpi : DPIS) {
        BufferedImage page = renderer.renderImageWithDPI(0, dpi, ImageType.GRAY);
        for (boolean tryHarder : new boolean[] {false, true}) {
          String text = decodeQr(page, tryHarder);
          if (text != null) {
            return text;
          }
        }
      }
    }
    return null;
  }

  /** The text of the QR code found in the image, or null. */
  static String decodeQr(BufferedImage image) {
    String text = decodeQr(image, false);
    return text != null ? text : decodeQr(image, true);
  }

  private static String decodeQr(BufferedImage image, boolean tryHarder) {
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    Map<DecodeHintType, Object> hints = tryHarder
        ? Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, Boolean.TRUE)
        : Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    try {
      return new QRCodeReader().decode(bitmap, hints).getText();
    } catch (ReaderException e) {
      return null;
    }
  }

  private static String describe(CertificateSummary s) {
    return s.id() + ", " + s.holderName() + ", " + s.courseTitle() + ", " + s.issuedOn()
        + (s.expiresOn() == null ? "" : " – " + s.expiresOn());
  }
}
