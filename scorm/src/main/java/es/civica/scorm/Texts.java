package es.civica.scorm;

import java.util.Objects;

/** Checks on learner-facing texts. */
final class Texts {

    private Texts() {
    }

    static String requireTitle(String title, String what) {
        String value = Objects.requireNonNull(title, what).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > UnitPackageInfo.MAX_TITLE_LENGTH) {
            throw new IllegalArgumentException(what + " exceeds " + UnitPackageInfo.MAX_TITLE_LENGTH + " characters");
        }
        return value;
    }
}
