package es.civica.scorm;

/** The packaging standards the library writes. */
public enum ScormVersion {
    /** SCORM 1.2: {@code imsmanifest.xml} (IMS CP 1.1.2 + ADL CP 1.2), runtime API {@code API}. */
    SCORM_12("scorm12"),
    /** SCORM 2004 4th edition: IMS CP 1.1.4, ADL CP/SEQ/NAV 1.3, IMS SS 1.0; runtime API {@code API_1484_11}. */
    SCORM_2004_4TH("scorm2004"),
    /** cmi5: {@code cmi5.xml} course structure; the AU is launched from the server. */
    CMI5("cmi5");

    private final String code;

    ScormVersion(String code) {
        this.code = code;
    }

    /** Short lowercase name used in file names and as the {@code standard} launch parameter. */
    public String code() {
        return code;
    }
}
