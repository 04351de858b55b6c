package es.civica.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CertificateIssuerTest {

  static CertificateData withHolder(String id, String holder) {
    CertificateData b = Samples.certificate(id);
    return new CertificateData(id, holder, null, b.courseTitle(), b.courseIri(), b.hours(), b.units(), b.issuer(),
        b.issuedOn(), b.expiresOn(), b.verificationUrl(), null);
  }

  @Test
  @DisplayName("certificates issued concurrently on four threads, with names in several alphabets, all verify")
  void concurrentIssuingVerifies() throws Exception {
    CertificateIssuer issuer = new CertificateIssuer(Samples.keys());
    CertificateVerifier verifier = new CertificateVerifier(issuer.publicKey());
    String[] names = {"Begoña Núñez Ibáñez", "Łukasz Żółć", "Ștefan Țurcanu", "Ἀλέξανδρος Παπαδόπουλος",
        "Ольга Смирнова", "Jordi Puigdomènech i Ferrer", "Aitor Etxeberria Goikoetxea", "Zoë O'Brien-Müller"};
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<IssuedCertificate>> futures = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        CertificateData data = withHolder("C-" + i, names[i % names.length]);
        futures.add(pool.submit(() -> issuer.issue(data)));
      }
      for (int i = 0; i < futures.size(); i++) {
        VerifiedCertificate v = verifier.verify(futures.get(i).get().pdf());
        assertEquals(names[i % names.length], v.summary().holderName());
        assertEquals("C-" + i, v.summary().id());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  @DisplayName("names are stored in Unicode NFC: a decomposed ñ becomes one character everywhere")
  void namesAreNfc() throws Exception {
    String decomposed = "Begon\u0303a Nu\u0301n\u0303ez";
    IssuedCertificate issued = new CertificateIssuer(Samples.keys()).issue(withHolder("N-1", decomposed));
    assertTrue(issued.credentialJson().contains("Begoña Núñez"));
  }

  @Test
  @DisplayName("a name the fonts cannot show is refused with a clear message, not printed as blanks")
  void unsupportedCharactersAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CertificateIssuer(Samples.keys()).issue(withHolder("X-1", "李小龍")));
    assertTrue(e.getMessage().contains("cannot show a character"), e.getMessage());
  }
}
