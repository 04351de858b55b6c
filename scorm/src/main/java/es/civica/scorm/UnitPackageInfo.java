package es.civica.scorm;

import java.util.Objects;

/**
 * One training unit as the packages see it: it becomes one SCO (SCORM) or one AU (cmi5).
 *
 * @param number           position of the unit in the course, from 1; also the {@code unit} launch parameter
 * @param iri              the unit's xAPI activity IRI; the cmi5 AU id and the SCORM 2004 primary objective id
 * @param title            learner-facing title (at most 200 characters: the SCORM 1.2 CP limit)
 * @param description      learner-facing summary (cmi5 {@code description}; the launcher page's meta description)
 * @param passMark         the share of the score needed to pass, 0..1: SCORM 1.2 {@code adlcp:masteryscore}
 *                         (×100), SCORM 2004 {@code imsss:minNormalizedMeasure}, cmi5 {@code masteryScore}
 * @param estimatedMinutes typical learning time, shown on the launcher's waiting screen
 */
public record UnitPackageInfo(int number, String iri, String title, String description, double passMark,
                              int estimatedMinutes) {

    /** SCORM 1.2's imscp {@code titleType} allows at most 200 characters. */
    public static final int MAX_TITLE_LENGTH = 200;

    public UnitPackageInfo {
        if (number < 1) {
            throw new IllegalArgumentException("unit number must be 1 or more: " + number);
        }
        Iris.requireAbsolute(iri, "unit iri");
        title = Texts.requireTitle(title, "unit " + number + " title");
        description = Objects.requireNonNullElse(description, "").strip();
        if (!(passMark >= 0.0 && passMark <= 1.0)) {
            throw new IllegalArgumentException("unit " + number + " passMark must be within 0..1: " + passMark);
        }
        if (estimatedMinutes < 0) {
            throw new IllegalArgumentException("unit " + number + " estimatedMinutes must not be negative");
        }
    }
}
