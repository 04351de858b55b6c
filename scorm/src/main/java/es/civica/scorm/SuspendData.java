package es.civica.scorm;

/**
 * Limits the launcher enforces before writing to the LMS. The full learner state lives on the server: the LMS
 * only gets a short bookmark, so the launcher refuses (never truncates) a value that does not fit, and the
 * player sends a shorter one.
 */
public final class SuspendData {

    /** SCORM 1.2 {@code cmi.suspend_data} is a {@code CMIString4096}. */
    public static final int SCORM_12_MAX = 4096;
    /** SCORM 2004 4th edition {@code cmi.suspend_data}: smallest permitted maximum of 64,000 characters. */
    public static final int SCORM_2004_MAX = 64_000;
    /** SCORM 1.2 {@code cmi.core.lesson_location} is a {@code CMIString255}. */
    public static final int SCORM_12_LOCATION_MAX = 255;
    /** SCORM 2004 {@code cmi.location}: smallest permitted maximum of 1,000 characters. */
    public static final int SCORM_2004_LOCATION_MAX = 1_000;

    private SuspendData() {
    }

    /** The most suspend data characters the launcher writes for this version. */
    public static int maxLength(ScormVersion version) {
        return switch (version) {
            case SCORM_12 -> SCORM_12_MAX;
            case SCORM_2004_4TH -> SCORM_2004_MAX;
            case CMI5 -> throw new IllegalArgumentException("cmi5 keeps no suspend data in the LMS");
        };
    }

    /** Whether the launcher would write this value (length in UTF-16 code units, as JavaScript counts). */
    public static boolean fits(ScormVersion version, String value) {
        return value.length() <= maxLength(version);
    }
}
