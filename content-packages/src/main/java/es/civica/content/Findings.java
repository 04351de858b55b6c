package es.civica.content;

import java.util.ArrayList;
import java.util.List;

/** Collects defects (which fail the build) and warnings (which are printed only) while checks run. */
final class Findings {
    private final List<Defect> defects = new ArrayList<>();
    private final List<Defect> warnings = new ArrayList<>();

    void defect(String file, String path, String message) {
        defects.add(new Defect(file, path, message));
    }

    void warning(String file, String path, String message) {
        warnings.add(new Defect(file, path, message));
    }

    List<Defect> defects() {
        return defects;
    }

    List<Defect> warnings() {
        return warnings;
    }
}
