package es.civica.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

class PdfA3ConformanceTest {

  @BeforeAll
  static void startVeraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  @Test
  @DisplayName("veraPDF accepts the certificate as PDF/A-3b")
  void veraPdfAcceptsTheCertificate() throws Exception {
    byte[] pdf = new CertificateIssuer(Samples.keys()).issue(Samples.certificate()).pdf();
    assertCompliant(pdf);
  }

  @Test
  @DisplayName("veraPDF accepts it also with a PNG logo of the issuer's own (with transparency) and no expiry")
  void veraPdfAcceptsACustomLogo() throws Exception {
    CertificateData base = Samples.certificate();
    CertificateData data = new CertificateData(base.id(), base.holderName(), null, base.courseTitle(),
        base.courseIri(), base.hours(), base.units(),
        new IssuerProfile("Ayuntamiento de Logroño — Servicio de Formación", "https://formacion.logrono.example",
            TestImages.transparentPng()),
        base.issuedOn(), null, base.verificationUrl(), "CIV-2025-000007");
    byte[] pdf = new CertificateIssuer(Samples.keys()).issue(data).pdf();
    assertCompliant(pdf);
  }

  @Test
  @DisplayName("the check has teeth: without its output intent the same file is not PDF/A-3b")
  void veraPdfRejectsAFileWithoutOutputIntent() throws Exception {
    byte[] pdf = PdfEdits.withoutOutputIntent(new CertificateIssuer(Samples.keys()).issue(Samples.certificate()).pdf());
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
         PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
      assertTrue(!validator.validate(parser).isCompliant());
    }
  }

  static void assertCompliant(byte[] pdf) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
         PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
      assertEquals(PDFAFlavour.PDFA_3_B, parser.getFlavour(), "the XMP declares PDF/A-3b");
      ValidationResult result = validator.validate(parser);
      String failures = result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
              + " @ " + a.getLocation().getContext())
          .distinct()
          .collect(Collectors.joining("\n"));
      assertTrue(result.isCompliant(), "not PDF/A-3b:\n" + failures);
    }
  }
}
