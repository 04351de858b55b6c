package es.civica.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCertificateCommandTest {

  @TempDir
  static Path dir;
  static Path pdf;
  static Path issuerJson;
  static Path forgedPdf;

  @BeforeAll
  static void issue() throws Exception {
    IssuerKeys keys = Samples.keys();
    IssuedCertificate issued = new CertificateIssuer(keys).issue(Samples.certificate());
    pdf = Files.write(dir.resolve("cert.pdf"), issued.pdf());
    issuerJson = Files.writeString(dir.resolve("issuer.json"), IssuerDocument.json(IssuerProfile.CIVICA, keys.publicKey()));
    String forged = PdfEdits.credentialOf(issued.pdf()).replace("2026-11-25T00:00:00Z", "2025-11-25T00:00:00Z");
    forgedPdf = Files.write(dir.resolve("forged.pdf"), PdfEdits.replaceCredential(issued.pdf(), forged));
  }

  record Run(int status, String out, String err) {
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = VerifyCertificateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a genuine certificate: exit 0 and VÁLIDO with the holder, course, dates and units")
  void genuine() {
    Run r = run(pdf.toString(), "--key", issuerJson.toString(), "--today", "2027-01-01");
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().startsWith("VÁLIDO: certificado CIV-2026-000123 de Begoña Núñez Ibáñez"), r.out());
    assertTrue(r.out().contains("Válido hasta:    25/11/2028"), r.out());
    assertTrue(r.out().contains("3. Empleados públicos en redes sociales — superada el 09/10/2026, 95,5 %"), r.out());
  }

  @Test
  @DisplayName("a forged credential: exit 1 and NO VÁLIDO saying the signature fails")
  void forged() {
    Run r = run(forgedPdf.toString(), "--key", issuerJson.toString());
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(r.out().startsWith("NO VÁLIDO: la firma de la credencial no es válida"), r.out());
  }

  @Test
  @DisplayName("an expired certificate: exit 1, saying its signatures are genuine")
  void expired() {
    Run r = run(pdf.toString(), "--key", issuerJson.toString(), "--today", "2028-11-26");
    assertEquals(1, r.status());
    assertTrue(r.out().contains("caducó el 25/11/2028"), r.out());
  }

  @Test
  @DisplayName("a missing key or file: exit 2 with the usage")
  void usage() {
    assertEquals(2, run(pdf.toString()).status());
    assertEquals(2, run(pdf.toString(), "--key", dir.resolve("nope.json").toString()).status());
    assertEquals(2, run().status());
  }

  @Test
  @DisplayName("IssuerKeysCommand writes a private key and the public document the verifier accepts")
  void issuerKeysCommand() throws Exception {
    Path privateKey = dir.resolve("k/issuer.jwk");
    Path publicDoc = dir.resolve("k/issuer.json");
    Files.createDirectories(privateKey.getParent());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, IssuerKeysCommand.run(new String[] {"generate", privateKey.toString(), publicDoc.toString()},
        new PrintStream(out), new PrintStream(new ByteArrayOutputStream())));
    IssuerKeys keys = IssuerKeys.load(privateKey);
    assertEquals(java.util.List.of(keys.publicKey()), IssuerPublicKey.parseAll(Files.readString(publicDoc)));
    assertEquals(1, IssuerKeysCommand.run(new String[] {"generate", privateKey.toString(), publicDoc.toString()},
        new PrintStream(out), new PrintStream(new ByteArrayOutputStream())), "never overwrites a private key");
  }
}
