package es.civica.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CertificateVerifierTest {

  static IssuerKeys keys;
  static CertificateData data;
  static IssuedCertificate issued;
  static CertificateVerifier verifier;

  @BeforeAll
  static void issue() throws Exception {
    keys = Samples.keys();
    data = Samples.certificate();
    issued = new CertificateIssuer(keys).issue(data);
    verifier = new CertificateVerifier(keys.publicKey());
  }

  @Test
  @DisplayName("the QR decoded from the page rasterised at 150 dpi is the verification URL with a token that verifies")
  void qrFromRasterisedPageVerifies() throws Exception {
    BufferedImage page;
    try (PDDocument doc = Loader.loadPDF(issued.pdf())) {
      page = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.RGB);
    }
    String url = CertificateVerifier.decodeQr(page);
    assertNotNull(url, "a QR code is found on the page");
    assertEquals(issued.qrUrl(), url);
    assertTrue(url.startsWith("https://civica.app/verify/CIV-2026-000123#t="), url);
    CertificateSummary fromToken = QrToken.verify(QrToken.tokenOf(url), java.util.List.of(keys.publicKey()));
    assertEquals(data.summary(), fromToken);
  }

  @Test
  @DisplayName("a genuine certificate verifies and reports its holder, course, dates, units and fingerprint")
  void genuineCertificateVerifies() {
    VerifiedCertificate v = verifier.verify(issued.pdf());
    assertEquals(data.summary(), v.summary());
    assertEquals(data.units(), v.units());
    assertEquals(30, v.hours());
    assertEquals(IssuerProfile.CIVICA.name(), v.issuerName());
    assertEquals(keys.publicKey().didKey(), v.issuerId());
    assertEquals(issued.sha256(), v.sha256());
    assertEquals(issued.qrUrl(), v.qrUrl());
  }

  @Test
  @DisplayName("changing the holder's name in the attached credential breaks its signature")
  void editedNameFails() throws Exception {
    String forged = PdfEdits.credentialOf(issued.pdf()).replace("Begoña Núñez Ibáñez", "Begoña Núñez Ibáñes");
    VerificationException e = assertThrows(VerificationException.class,
        () -> verifier.verify(PdfEdits.replaceCredential(issued.pdf(), forged)));
    assertTrue(e.getMessage().contains("la firma de la credencial no es válida"), e.getMessage());
  }

  @Test
  @DisplayName("changing a date or a score in the attached credential breaks its signature")
  void editedDateOrScoreFails() throws Exception {
    String credential = PdfEdits.credentialOf(issued.pdf());
    for (String[] edit : new String[][] {{"2028-11-25T23:59:59Z", "2038-11-25T23:59:59Z"},
        {"\"scaledScore\":0.8}", "\"scaledScore\":0.9}"}}) {
      String forged = credential.replace(edit[0], edit[1]);
      assertTrue(!forged.equals(credential), "the edit applies: " + edit[0]);
      VerificationException e = assertThrows(VerificationException.class,
          () -> verifier.verify(PdfEdits.replaceCredential(issued.pdf(), forged)));
      assertTrue(e.getMessage().contains("la firma de la credencial no es válida"), e.getMessage());
    }
  }

  @Test
  @DisplayName("a genuine credential of another certificate swapped into the PDF disagrees with the QR")
  void swappedCredentialDisagreesWithQr() throws Exception {
    IssuedCertificate other = new CertificateIssuer(keys).issue(new CertificateData("CIV-2026-000999",
        "Íñigo Ordóñez Peña", null, data.courseTitle(), data.courseIri(), data.hours(), data.units(), data.issuer(),
        data.issuedOn(), data.expiresOn(), "https://civica.app/verify/CIV-2026-000999", null));
    byte[] forged = PdfEdits.replaceCredential(issued.pdf(), other.credentialJson());
    VerificationException e = assertThrows(VerificationException.class, () -> verifier.verify(forged));
    assertTrue(e.getMessage().contains("no coinciden"), e.getMessage());
  }

  @Test
  @DisplayName("a page redrawn to show another name, with the genuine credential and QR, is rejected")
  void pageShowingAnotherNameFails() throws Exception {
    CertificateData other = new CertificateData(data.id(), "Íñigo Ordóñez Peña", null, data.courseTitle(),
        data.courseIri(), data.hours(), data.units(), data.issuer(), data.issuedOn(), data.expiresOn(),
        data.verificationUrl(), null);
    byte[] forged = new CertificateRenderer().render(other, issued.credentialJson(), issued.qrUrl());
    VerificationException e = assertThrows(VerificationException.class, () -> verifier.verify(forged));
    assertTrue(e.getMessage().contains("texto impreso") && e.getMessage().contains("Begoña Núñez Ibáñez"),
        e.getMessage());
  }

  @Test
  @DisplayName("a link annotation that differs from the printed QR code is rejected")
  void linkDifferentFromQrFails() throws Exception {
    byte[] forged = PdfEdits.replaceLink(issued.pdf(), "https://civica.app/verify/OTRO");
    VerificationException e = assertThrows(VerificationException.class, () -> verifier.verify(forged));
    assertTrue(e.getMessage().contains("no coinciden"), e.getMessage());
  }

  @Test
  @DisplayName("a certificate signed with a key that is not the issuer's is rejected")
  void otherKeyFails() {
    CertificateVerifier withOtherKey = new CertificateVerifier(Samples.otherKeys().publicKey());
    VerificationException e = assertThrows(VerificationException.class, () -> withOtherKey.verify(issued.pdf()));
    assertTrue(e.getMessage().contains("no es la del emisor"), e.getMessage());
  }

  @Test
  @DisplayName("bytes that are not a PDF are rejected with a reason")
  void notAPdfFails() {
    VerificationException e = assertThrows(VerificationException.class,
        () -> verifier.verify("no soy un PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("PDF"), e.getMessage());
  }

  @Test
  @DisplayName("a certificate past its last valid day reports itself expired")
  void expiry() {
    VerifiedCertificate v = verifier.verify(issued.pdf());
    assertTrue(!v.expiredOn(LocalDate.of(2028, 11, 25)));
    assertTrue(v.expiredOn(LocalDate.of(2028, 11, 26)));
  }
}
