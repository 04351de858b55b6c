package es.civica.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ContentValidator} found: every defect (each fails the build) and every warning (printed only), each
 * with its file and JSON path; and the loaded course when there is no defect.
 */
public final class ValidationReport {
    private final Path root;
    private final List<Defect> defects;
    private final List<Defect> warnings;
    private final Course course;
    private final RawContent raw;

    ValidationReport(Path root, List<Defect> defects, List<Defect> warnings, Course course, RawContent raw) {
        this.root = root;
        this.defects = byFile(defects);
        this.warnings = byFile(warnings);
        this.course = course;
        this.raw = raw;
    }

    /** Groups findings by file (stable: discovery order within a file). */
    private static List<Defect> byFile(List<Defect> findings) {
        return findings.stream().sorted(java.util.Comparator.comparing(Defect::file)).toList();
    }

    public Path root() {
        return root;
    }

    public List<Defect> defects() {
        return defects;
    }

    public List<Defect> warnings() {
        return warnings;
    }

    public boolean isValid() {
        return defects.isEmpty();
    }

    /** The course, present only when there is no defect. */
    public Optional<Course> course() {
        return Optional.ofNullable(course);
    }

    RawContent raw() {
        return raw;
    }
}
