package es.civica.certificates;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One passed unit as the certificate lists it.
 *
 * @param number      the unit's number in the course, from 1
 * @param title       the unit's title, in Spanish
 * @param passedOn    the day the learner passed the unit's quiz
 * @param scaledScore the score of that attempt, xAPI {@code result.score.scaled}, 0 to 1
 */
public record UnitResult(int number, String title, LocalDate passedOn, double scaledScore) {

  public UnitResult {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(passedOn, "passedOn");
    title = CertificateData.nfc(title).strip();
    if (number < 1) {
      throw new IllegalArgumentException("Unit numbers start at 1");
    }
    if (!(scaledScore >= 0 && scaledScore <= 1)) {
      throw new IllegalArgumentException("scaledScore must be within 0..1, was " + scaledScore);
    }
  }
}
