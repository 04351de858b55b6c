package es.civica.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The content package as parsed JSON trees, before any check: what the validator inspects and the mapper turns
 * into the {@link Course} model. Files that are missing or do not parse are reported and left out (null).
 */
final class RawContent {

    /** Languages whose UI strings the package must carry (FORMAT.md, i18n). */
    static final List<String> LANGUAGES = List.of("es", "ca", "en");

    static final String COURSE_FILE = "course.json";

    /** One parsed file and its path relative to the content root. */
    record RawFile(String path, JsonNode json) {}

    /** One unit folder: unit.json, items.json, scenario-*.json and simulation-*.json. */
    record RawUnit(String folder, RawFile unit, RawFile items, List<RawFile> scenarios, List<RawFile> simulations) {
        String dir() {
            return "units/" + folder;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    final Path root;
    final RawFile course;
    final Map<String, RawFile> i18n;
    final List<RawUnit> units;
    /** gamification/rules.json, when the package has one (null otherwise). */
    final RawFile gamification;

    private RawContent(Path root, RawFile course, Map<String, RawFile> i18n, List<RawUnit> units,
                       RawFile gamification) {
        this.root = root;
        this.course = course;
        this.i18n = i18n;
        this.units = units;
        this.gamification = gamification;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads the package under {@code root}: course.json, i18n/{es,ca,en}.json and, for every unit folder listed by
     * course.json, its files. Missing or unreadable files become defects.
     */
    static RawContent read(Path root, Findings findings) {
        RawFile course = parse(root, COURSE_FILE, findings);
        Map<String, RawFile> i18n = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            RawFile file = parse(root, "i18n/" + lang + ".json", findings);
            if (file != null) {
                i18n.put(lang, file);
            }
        }
        List<RawUnit> units = new ArrayList<>();
        JsonNode folders = course == null ? null : course.json().get("units");
        List<String> listed = new ArrayList<>();
        if (folders != null && folders.isArray()) {
            for (int i = 0; i < folders.size(); i++) {
                String folder = folders.get(i).asText();
                listed.add(folder);
                Path dir = root.resolve("units").resolve(folder);
                if (folder.isBlank() || folder.contains("/") || folder.contains("..") || !Files.isDirectory(dir)) {
                    findings.defect(COURSE_FILE, "$.units[" + i + "]",
                            "unit folder units/" + folder + "/ does not exist");
                    continue;
                }
                units.add(readUnit(root, folder, findings));
            }
        }
        if (course != null) {
            reportOrphanFolders(root, listed, findings);
        }
        RawFile gamification = Files.isRegularFile(root.resolve(GamificationRules.FILE))
                ? parse(root, GamificationRules.FILE, findings) : null;
        return new RawContent(root, course, i18n, units, gamification);
    }

    private static RawUnit readUnit(Path root, String folder, Findings findings) {
        String dir = "units/" + folder + "/";
        RawFile unit = parse(root, dir + "unit.json", findings);
        RawFile items = parse(root, dir + "items.json", findings);
        List<RawFile> scenarios = new ArrayList<>();
        List<RawFile> simulations = new ArrayList<>();
        for (String name : list(root.resolve(dir))) {
            if (name.equals("unit.json") || name.equals("items.json")) {
                continue;
            }
            if (name.startsWith("scenario-") && name.endsWith(".json")) {
                add(scenarios, parse(root, dir + name, findings));
            } else if (name.startsWith("simulation-") && name.endsWith(".json")) {
                add(simulations, parse(root, dir + name, findings));
            } else {
                findings.defect(dir + name, "$", "unexpected file in a unit folder: only unit.json, items.json, "
                        + "scenario-*.json and simulation-*.json belong here");
            }
        }
        return new RawUnit(folder, unit, items, List.copyOf(scenarios), List.copyOf(simulations));
    }

    private static void reportOrphanFolders(Path root, List<String> listed, Findings findings) {
        for (String name : list(root.resolve("units"))) {
            if (Files.isDirectory(root.resolve("units").resolve(name)) && !listed.contains(name)) {
                findings.defect("units/" + name + "/", "$", "unit folder is not listed in course.json units");
            }
        }
    }

    private static void add(List<RawFile> files, RawFile file) {
        if (file != null) {
            files.add(file);
        }
    }

    /** Sorted names of the entries of a directory (empty if it does not exist). */
    static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString().replace("/", "")).sorted().toList();
        } catch (IOException e) {
            throw new ContentException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Parses one file; a missing, empty or malformed file becomes a defect and null. */
    static RawFile parse(Path root, String relative, Findings findings) {
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            findings.defect(relative, "$", "file is missing");
            return null;
        }
        try {
            JsonNode json = MAPPER.readTree(Files.readString(file));
            if (json == null || json.isMissingNode()) {
                findings.defect(relative, "$", "file is empty");
                return null;
            }
            return new RawFile(relative, json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            findings.defect(relative, "$", "not valid JSON" + where + ": " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            findings.defect(relative, "$", "cannot read file: " + e.getMessage());
            return null;
        }
    }
}
