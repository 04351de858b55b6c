package es.civica.content;

import static es.civica.content.RawJson.array;
import static es.civica.content.RawJson.text;
import static es.civica.content.RawJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import es.civica.content.RawContent.RawFile;
import es.civica.content.RawContent.RawUnit;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Command line of the validator (used by scripts/content-check and by the Maven build):
 * <pre>
 * ContentCheck [--quiet] [--no-exit] [--no-minimums] [--seeds DIR] [CONTENT_DIR]
 * </pre>
 * Prints, per unit, objectives, lessons, sections, items by type and by objective against the quiz draw,
 * scenarios with decision nodes and endings by tier, and simulations; then every warning and every defect.
 * Exits 1 when there is a defect ({@code --no-exit}: throws instead, so a Maven {@code exec:java} run fails the
 * build). {@code --quiet} prints only the defects and a summary line.
 */
public final class ContentCheck {

    private ContentCheck() {}

    public static void main(String[] args) {
        if (System.getProperty("slf4j.provider") == null) {
            // the schema library logs through SLF4J; a command line has no use for it (and no binding)
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        boolean noExit = java.util.Arrays.asList(args).contains("--no-exit");
        int status = run(args, System.out);
        if (status != 0) {
            if (noExit) {
                throw new IllegalStateException("content check failed (defects listed above; run scripts/content-check for details)");
            }
            System.exit(status);
        }
    }

    /** Runs the check and prints its report; returns the exit status (0 valid, 1 defects, 2 bad arguments). */
    static int run(String[] args, PrintStream out) {
        boolean quiet = false;
        Minimums minimums = Minimums.ISSUE_3;
        Path seeds = null;
        Path root = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quiet" -> quiet = true;
                case "--no-exit" -> { }
                case "--no-minimums" -> minimums = Minimums.NONE;
                case "--seeds" -> {
                    if (i + 1 == args.length) {
                        out.println("--seeds needs a folder");
                        return 2;
                    }
                    seeds = Path.of(args[++i]);
                }
                case "-h", "--help" -> {
                    out.println("usage: ContentCheck [--quiet] [--no-exit] [--no-minimums] [--seeds DIR] [CONTENT_DIR]");
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        out.println("unknown option " + args[i]);
                        return 2;
                    }
                    root = Path.of(args[i]);
                }
            }
        }
        if (root == null) {
            root = Files.isDirectory(Path.of("content-packages")) ? Path.of("content-packages") : Path.of(".");
        }
        ContentValidator validator = new ContentValidator().withMinimums(minimums).withSeeds(seeds);
        ValidationReport report = validator.validate(root.toAbsolutePath().normalize());
        if (!quiet) {
            printOverview(report, validator, out);
        }
        printFindings(report, quiet, out);
        return report.isValid() ? 0 : 1;
    }

    static void printOverview(ValidationReport report, ContentValidator validator, PrintStream out) {
        RawContent raw = report.raw();
        out.println("Content check of " + report.root());
        out.println("  minimums: " + (validator.minimums().equals(Minimums.NONE) ? "off" : "issue 3")
                + "; seed passages: " + (validator.checksSeeds() ? "checked" : "not checked (no seed folder)"));
        if (raw.course != null) {
            JsonNode course = raw.course.json();
            out.println("Course: " + text(course, "title"));
            out.println("  units listed: " + texts(course, "units").size() + ", found: " + raw.units.size()
                    + "; certificate hours: " + course.path("certificateHours").asText("?"));
        }
        out.println("  UI strings: " + raw.i18n.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().json().size() + " keys").collect(Collectors.joining(", ")));
        for (RawUnit unit : raw.units) {
            printUnit(unit, out);
        }
    }

    private static void printUnit(RawUnit unit, PrintStream out) {
        out.println();
        JsonNode json = unit.unit() == null ? null : unit.unit().json();
        out.println("Unit " + unit.folder() + (json == null ? " (no unit.json)" : " — " + text(json, "title")));
        JsonNode lessons = array(json, "lessons");
        int sections = 0;
        for (JsonNode lesson : lessons) {
            sections += array(lesson, "sections").size();
        }
        JsonNode items = unit.items() == null ? RawJson.EMPTY_ARRAY : array(unit.items().json(), "items");
        out.printf("  objectives %d · lessons %d · sections %d · items %d%n", array(json, "objectives").size(),
                lessons.size(), sections, items.size());
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (ItemType type : ItemType.values()) {
            byType.put(type.json(), 0);
        }
        Map<String, Integer> byObjective = new LinkedHashMap<>();
        for (JsonNode objective : array(json, "objectives")) {
            byObjective.put(text(objective, "id"), 0);
        }
        for (JsonNode item : items) {
            byType.merge(text(item, "type"), 1, Integer::sum);
            byObjective.merge(text(item, "objective"), 1, Integer::sum);
        }
        out.println("  items by type: " + byType.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        Map<String, Integer> draw = new LinkedHashMap<>();
        int quizLength = 0;
        for (JsonNode d : array(json == null ? null : json.path("quiz"), "draw")) {
            draw.merge(text(d, "objective"), d.path("count").asInt(), Integer::sum);
            quizLength += d.path("count").asInt();
        }
        JsonNode quiz = json == null ? null : json.path("quiz");
        out.printf("  quiz: %d items, pass mark %s, %s attempts%n", quizLength,
                quiz == null ? "?" : quiz.path("passMark").asText("?"), quiz == null ? "?" : quiz.path("maxAttempts").asText("?"));
        out.println("    objective      items  drawn");
        for (Map.Entry<String, Integer> e : byObjective.entrySet()) {
            out.printf("    %-14s %5d  %5d%n", e.getKey(), e.getValue(), draw.getOrDefault(e.getKey(), 0));
        }
        out.println("  scenarios:" + (unit.scenarios().isEmpty() ? " none" : ""));
        for (RawFile scenario : unit.scenarios()) {
            ScenarioGraph graph = new ScenarioGraph(scenario.json());
            String tiers = graph.endingsByTier().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            out.printf("    %-28s %-13s %-9s decisions %2d · endings %d (%s)%n", text(scenario.json(), "id"),
                    text(scenario.json(), "kind"), text(scenario.json(), "channel"), graph.decisionCount(),
                    graph.endingCount(), tiers);
        }
        out.println("  simulations:" + (unit.simulations().isEmpty() ? " none" : ""));
        for (RawFile simulation : unit.simulations()) {
            JsonNode sim = simulation.json();
            List<String> controls = new ArrayList<>();
            array(sim, "controls").forEach(c -> controls.add(text(c, "id")));
            out.printf("    %-28s %s weeks · controls %s%n", text(sim, "id"), sim.path("weeks").asText("?"), controls);
        }
    }

    static void printFindings(ValidationReport report, boolean quiet, PrintStream out) {
        if (!quiet && !report.warnings().isEmpty()) {
            out.println();
            out.println("Warnings (" + report.warnings().size() + "):");
            report.warnings().forEach(w -> out.println("  " + w));
        }
        if (!report.defects().isEmpty()) {
            out.println();
            out.println("Defects (" + report.defects().size() + "):");
            report.defects().forEach(d -> out.println("  " + d));
        }
        out.println();
        out.println("Content check: " + report.defects().size() + " defect(s), " + report.warnings().size()
                + " warning(s) — " + (report.isValid() ? "OK" : "FAILED"));
    }
}
