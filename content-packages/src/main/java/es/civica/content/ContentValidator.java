package es.civica.content;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Validates a content package folder: JSON Schema (draft 2020-12, {@code schema/*.schema.json}) for every file,
 * then the semantic checks of FORMAT.md "Checks", then the course {@link Minimums}. Reports every defect with its
 * file and JSON path, not just the first.
 *
 * <pre>{@code
 * ValidationReport report = new ContentValidator().withSeeds(Path.of("shared/seeds")).validate(Path.of("content-packages"));
 * report.defects().forEach(System.out::println);
 * }</pre>
 */
public final class ContentValidator {

    private final Minimums minimums;
    private final Path seeds;

    /** A validator enforcing {@link Minimums#ISSUE_3}, without seed checks. */
    public ContentValidator() {
        this(Minimums.ISSUE_3, null);
    }

    private ContentValidator(Minimums minimums, Path seeds) {
        this.minimums = minimums;
        this.seeds = seeds;
    }

    /** The same validator with other size rules ({@link Minimums#NONE} for small fixtures). */
    public ContentValidator withMinimums(Minimums rules) {
        return new ContentValidator(rules, seeds);
    }

    /**
     * The same validator also checking that each {@code source.seed} is a file of {@code seedFolder} (defect) and
     * that its passage appears there (warning). A folder that does not exist turns the check off.
     */
    public ContentValidator withSeeds(Path seedFolder) {
        return new ContentValidator(minimums, seedFolder != null && Files.isDirectory(seedFolder) ? seedFolder : null);
    }

    public Minimums minimums() {
        return minimums;
    }

    /** Whether seed passages are checked (the seed folder exists). */
    public boolean checksSeeds() {
        return seeds != null;
    }

    public ValidationReport validate(Path root) {
        Findings findings = new Findings();
        RawContent raw = RawContent.read(root, findings);
        SchemaCheck schema = new SchemaCheck(root);
        if (raw.course != null) {
            schema.check("course.schema.json", raw.course.path(), raw.course.json(), findings);
        }
        raw.i18n.values().forEach(f -> schema.check("i18n.schema.json", f.path(), f.json(), findings));
        for (RawContent.RawUnit unit : raw.units) {
            if (unit.unit() != null) {
                schema.check("unit.schema.json", unit.unit().path(), unit.unit().json(), findings);
            }
            if (unit.items() != null) {
                schema.check("items.schema.json", unit.items().path(), unit.items().json(), findings);
            }
            unit.scenarios().forEach(f -> schema.check("scenario.schema.json", f.path(), f.json(), findings));
            unit.simulations().forEach(f -> schema.check("simulation.schema.json", f.path(), f.json(), findings));
        }
        if (raw.gamification != null) {
            schema.check("gamification.schema.json", raw.gamification.path(), raw.gamification.json(), findings);
        }
        new SemanticCheck(raw, findings, seeds).run();
        new GamificationCheck(raw, findings).run();
        minimums.check(raw, findings);
        Course course = findings.defects().isEmpty() ? CourseMapper.map(raw) : null;
        return new ValidationReport(root, findings.defects(), findings.warnings(), course, raw);
    }
}
