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
    IssuerKeys keys = IssuerKeys.generate();
    IssuedCertificate issued = new CertificateIssuer(keys).issue(Samples.certificate());
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.write(target.resolve("sample-certificate.pdf"), issued.pdf());
    Files.writeString(target.resolve("sample-issuer.json"), IssuerDocument.json(IssuerProfile.CIVICA, keys.publicKey()));
    Files.writeString(target.resolve("sample-credential.json"), issued.credentialJson());
    System.out.println("QR URL (" + issued.qrUrl().length() + " chars): " + issued.qrUrl());
    assertTrue(issued.pdf().length > 1000);
  }
}
