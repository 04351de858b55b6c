package es.civica.certificates;

import java.time.LocalDate;
import java.util.List;

/** Certificate data for the tests: the real course's five units, a holder with accents and ñ. */
final class Samples {

  static final String COURSE_TITLE =
      "Redes sociales en la Administración pública: de la gobernanza inteligente al plan de social media";
  static final String COURSE_IRI = "https://civica.app/xapi/activities/course/redes-sociales-ap";
  static final String HOLDER = "Begoña Núñez Ibáñez";

  private Samples() {
  }

  static List<UnitResult> units() {
    return List.of(
        new UnitResult(1, "Gobernanza inteligente e innovación abierta", LocalDate.of(2026, 9, 14), 0.9),
        new UnitResult(2, "Administración colaborativa y gobierno abierto", LocalDate.of(2026, 9, 29), 0.85),
        new UnitResult(3, "Empleados públicos en redes sociales", LocalDate.of(2026, 10, 9), 0.955),
        new UnitResult(4, "Redes sociales en la administración local", LocalDate.of(2026, 10, 27), 0.8),
        new UnitResult(5, "Plan de social media", LocalDate.of(2026, 11, 20), 1.0));
  }

  static CertificateData certificate(String id) {
    return new CertificateData(id, HOLDER, "begona.nunez@ayto-ejemplo.es", COURSE_TITLE, COURSE_IRI, 30, units(),
        IssuerProfile.CIVICA, LocalDate.of(2026, 11, 25), LocalDate.of(2028, 11, 25),
        "https://civica.app/verify/" + id, null);
  }

  /** A fixed issuer key, so that every test run draws the same QR codes. */
  static IssuerKeys keys() {
    return keys("civica-test-issuer");
  }

  /** Another fixed key, for "signed by someone else". */
  static IssuerKeys otherKeys() {
    return keys("civica-test-forger");
  }

  private static IssuerKeys keys(String label) {
    return IssuerKeys.fromSeed(DataIntegrityProof.sha256(label.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  static CertificateData certificate() {
    return certificate("CIV-2026-000123");
  }
}
