package es.civica.scorm;

/** Manifest identifiers ({@code xsd:ID}, so XML NCNames), stable across builds. */
final class Identifiers {

    static final String LAUNCHER_RESOURCE = "RES-LAUNCHER";

    private Identifiers() {
    }

    static String item(UnitPackageInfo unit) {
        return "ITEM-UNIT-" + unit.number();
    }

    static String resource(UnitPackageInfo unit) {
        return "RES-UNIT-" + unit.number();
    }

    /** Reduces a name to {@code [A-Za-z0-9._-]}, starting with a letter. */
    static String ncName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "-");
        return Character.isLetter(cleaned.isEmpty() ? '0' : cleaned.charAt(0)) ? cleaned : "P-" + cleaned;
    }
}
