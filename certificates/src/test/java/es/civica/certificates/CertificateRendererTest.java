package es.civica.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CertificateRendererTest {

  static IssuedCertificate issued;

  @BeforeAll
  static void issue() throws Exception {
    issued = new CertificateIssuer(Samples.keys()).issue(Samples.certificate());
  }

  @Test
  @DisplayName("the Spanish text extracts with its accents and ñ")
  void spanishTextExtracts() throws Exception {
    String text;
    try (PDDocument doc = Loader.loadPDF(issued.pdf())) {
      text = new PDFTextStripper().getText(doc);
    }
    for (String expected : List.of("Certificado de aprovechamiento", "Begoña Núñez Ibáñez",
        "Redes sociales en la Administración pública", "Gobernanza inteligente e innovación abierta",
        "Fecha de expedición:", "25 de noviembre de 2026", "Válido hasta:", "25 de noviembre de 2028",
        "95,5 %", "14/09/2026", "CIV-2026-000123", "https://civica.app/verify/CIV-2026-000123",
        "Cívica — Escuela de Administración Digital")) {
      assertTrue(text.contains(expected), "missing «" + expected + "» in:\n" + text);
    }
  }

  @Test
  @DisplayName("the page is A4 landscape, its fonts are embedded subsets, and the QR is vector (no images)")
  void pageFontsAndVectorQr() throws Exception {
    try (PDDocument doc = Loader.loadPDF(issued.pdf())) {
      assertEquals(1, doc.getNumberOfPages());
      PDPage page = doc.getPage(0);
      assertEquals(841.89f, page.getMediaBox().getWidth(), 0.01f);
      assertEquals(595.28f, page.getMediaBox().getHeight(), 0.01f);
      PDResources resources = page.getResources();
      List<PDFont> fonts = new ArrayList<>();
      for (COSName name : resources.getFontNames()) {
        fonts.add(resources.getFont(name));
      }
      assertEquals(3, fonts.size());
      for (PDFont font : fonts) {
        assertTrue(font.isEmbedded(), font.getName());
        assertTrue(font.getName().matches("[A-Z]{6}\\+Liberation.*"), "subset: " + font.getName());
      }
      for (COSName name : resources.getXObjectNames()) {
        assertTrue(resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject,
            "no image: the QR and the default logo are vector");
      }
    }
  }

  @Test
  @DisplayName("the fingerprint is the SHA-256 of the PDF bytes as issued")
  void fingerprint() throws Exception {
    assertEquals(CertificateIssuer.sha256Hex(issued.pdf()), issued.sha256());
    assertEquals(64, issued.sha256().length());
  }

  @Test
  @DisplayName("the attached credential is the one returned, declared as PDF/A-3 associated file (AFRelationship Data)")
  void credentialIsAnAssociatedFile() throws Exception {
    try (PDDocument doc = Loader.loadPDF(issued.pdf())) {
      assertEquals(Json.parse(issued.credentialJson()), CertificateVerifier.credential(doc));
      var af = doc.getDocumentCatalog().getCOSObject().getCOSArray(COSName.AF);
      assertEquals(1, af.size());
      var spec = (org.apache.pdfbox.cos.COSDictionary) af.getObject(0);
      assertEquals("Data", spec.getNameAsString(COSName.AF_RELATIONSHIP));
      assertEquals(CertificateRenderer.CREDENTIAL_FILE, spec.getString(COSName.UF));
    }
  }

  @Test
  @DisplayName("long names and titles still fit: the name shrinks, the title wraps, unit titles are shortened")
  void longTextFits() throws Exception {
    CertificateData base = Samples.certificate();
    List<UnitResult> units = new ArrayList<>(base.units());
    units.set(0, new UnitResult(1, "Un título de unidad larguísimo que no cabe en la columna de títulos de la tabla "
        + "de unidades del certificado", units.get(0).passedOn(), 0.5));
    CertificateData data = new CertificateData(base.id(), "María de los Ángeles Fernández-Villaverde "
        + "y Sánchez-Cañizares de la Peña", null, base.courseTitle() + " y un subtítulo más largo todavía", base.courseIri(),
        base.hours(), units, base.issuer(), base.issuedOn(), null, base.verificationUrl(), null);
    IssuedCertificate long_ = new CertificateIssuer(Samples.keys()).issue(data);
    try (PDDocument doc = Loader.loadPDF(long_.pdf())) {
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("Sánchez-Cañizares de la Peña"), text);
      assertTrue(text.contains("…"), text);
    }
  }
}
