package es.civica.certificates;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SampleCertificateTest {

  @Test
  @DisplayName("writes target/sample-certificate.pdf with its issuer document, to look at and to try the verify script on")
  void writesSample() throws Exception {
    IssuerKeys keys = Samples.keys();
    IssuedCertificate issued = new CertificateIssuer(keys).issue(Samples.certificate());
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.write(target.resolve("sample-certificate.pdf"), issued.pdf());
    Files.writeString(target.resolve("sample-issuer.json"), IssuerDocument.json(IssuerProfile.CIVICA, keys.publicKey()));
    Files.writeString(target.resolve("sample-credential.json"), issued.credentialJson());
    System.out.println("QR URL (" + issued.qrUrl().length() + " chars): " + issued.qrUrl());
    assertTrue(issued.pdf().length > 1000);
  }

  @Test
  @DisplayName("writes target/sample-certificate-custom.pdf: another issuer with its PNG logo, long texts, a reissue")
  void writesCustomSample() throws Exception {
    CertificateData base = Samples.certificate("AYTO-LOG-2026-0042");
    java.util.List<UnitResult> units = new java.util.ArrayList<>(base.units());
    units.set(2, new UnitResult(3, "Empleados públicos en redes sociales: adopción, uso aceptable, seguridad, "
        + "aspectos legales y protección de datos", units.get(2).passedOn(), 0.7249));
    CertificateData data = new CertificateData(base.id(), "María de los Ángeles Fernández-Villaverde y Sánchez-Cañizares",
        null, "Comunicación pública digital y gestión de la presencia institucional en redes sociales para "
        + "entidades locales de menos de 20.000 habitantes", base.courseIri(), 45, units,
        new IssuerProfile("Ayuntamiento de Logroño — Servicio de Formación y Desarrollo Profesional",
            "https://formacion.logrono.example/", TestImages.transparentPng()),
        base.issuedOn(), null, "https://formacion.logrono.example/verify/AYTO-LOG-2026-0042", "AYTO-LOG-2025-0007");
    IssuerKeys keys = Samples.keys();
    IssuedCertificate issued = new CertificateIssuer(keys).issue(data);
    Files.write(Path.of("target", "sample-certificate-custom.pdf"), issued.pdf());
    VerifiedCertificate verified = new CertificateVerifier(keys.publicKey()).verify(issued.pdf());
    assertTrue(verified.qrUrl().startsWith("https://formacion.logrono.example/verify/AYTO-LOG-2026-0042#t="));
  }
}
