package es.civica.content;

import static es.civica.content.RawJson.array;
import static es.civica.content.RawJson.text;
import static es.civica.content.RawJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import es.civica.content.RawContent.RawFile;
import es.civica.content.RawContent.RawUnit;
import es.civica.content.simulation.EngagementModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of FORMAT.md "Checks" that a schema cannot express: answer keys, feedback, ids (unique, prefixed,
 * referenced), scenario graphs, quiz draws against the bank, objective coverage, i18n key sets, and seed passages.
 * Works on the raw trees and tolerates shapes the schema check has already reported.
 */
final class SemanticCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_]+)}");
    /** Simulations played by {@link EngagementModel} (FORMAT.md, Engagement model). */
    private static final Pattern ENGAGEMENT_SIMULATION = Pattern.compile("^u[0-9]+-sim-engagement$");
    private static final Pattern UNIT_FOLDER = Pattern.compile("^([1-9][0-9]*)-([a-z0-9][a-z0-9-]*)$");
    /** Feedback shorter than this many words cannot teach why (FORMAT.md: feedback that teaches why). */
    static final int MIN_FEEDBACK_WORDS = 4;

    private final RawContent raw;
    private final Findings findings;
    private final Path seeds;

    /** Every course-wide id (objectives, lessons, sections, quizzes, items, scenarios, simulations) → where. */
    private final Map<String, String> globalIds = new HashMap<>();
    /** Lesson section id → unit number. */
    private final Map<String, Integer> sections = new HashMap<>();
    private final Map<String, String> seedTexts = new HashMap<>();

    SemanticCheck(RawContent raw, Findings findings, Path seeds) {
        this.raw = raw;
        this.findings = findings;
        this.seeds = seeds;
    }

    void run() {
        checkI18n();
        for (RawUnit unit : raw.units) {
            registerIds(unit);
        }
        for (RawUnit unit : raw.units) {
            checkUnit(unit);
        }
    }

    // ---------------------------------------------------------------- i18n

    private void checkI18n() {
        if (raw.i18n.size() < 2) {
            return;
        }
        Set<String> all = new TreeSet<>();
        raw.i18n.values().forEach(file -> file.json().fieldNames().forEachRemaining(all::add));
        RawFile reference = raw.i18n.values().iterator().next();
        for (RawFile file : raw.i18n.values()) {
            Set<String> keys = new HashSet<>();
            file.json().fieldNames().forEachRemaining(keys::add);
            for (String key : all) {
                if (!keys.contains(key)) {
                    List<String> others = new ArrayList<>();
                    raw.i18n.forEach((lang, other) -> {
                        if (other.json().has(key)) {
                            others.add(lang);
                        }
                    });
                    findings.defect(file.path(), "$", "key \"" + key + "\" is missing (present in "
                            + String.join(", ", others) + ")");
                }
            }
            if (file == reference) {
                continue;
            }
            for (Iterator<String> it = file.json().fieldNames(); it.hasNext(); ) {
                String key = it.next();
                JsonNode ref = reference.json().get(key);
                if (ref != null && ref.isTextual() && file.json().get(key).isTextual()) {
                    Set<String> expected = placeholders(ref.asText());
                    Set<String> actual = placeholders(file.json().get(key).asText());
                    if (!expected.equals(actual)) {
                        findings.defect(file.path(), "$['" + key + "']", "placeholders " + actual
                                + " differ from " + reference.path() + "'s " + expected);
                    }
                }
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    // ---------------------------------------------------------------- ids

    private void registerIds(RawUnit unit) {
        if (unit.unit() != null) {
            String file = unit.unit().path();
            JsonNode json = unit.unit().json();
            JsonNode objectives = array(json, "objectives");
            for (int i = 0; i < objectives.size(); i++) {
                register(text(objectives.get(i), "id"), file, "$.objectives[" + i + "].id");
            }
            JsonNode lessons = array(json, "lessons");
            for (int i = 0; i < lessons.size(); i++) {
                register(text(lessons.get(i), "id"), file, "$.lessons[" + i + "].id");
                JsonNode secs = array(lessons.get(i), "sections");
                for (int j = 0; j < secs.size(); j++) {
                    String id = text(secs.get(j), "id");
                    register(id, file, "$.lessons[" + i + "].sections[" + j + "].id");
                    sections.putIfAbsent(id, json.path("number").asInt());
                }
            }
            register(text(json.path("quiz"), "id"), file, "$.quiz.id");
        }
        if (unit.items() != null) {
            JsonNode items = array(unit.items().json(), "items");
            for (int i = 0; i < items.size(); i++) {
                register(text(items.get(i), "id"), unit.items().path(), "$.items[" + i + "].id");
            }
        }
        for (RawFile file : unit.scenarios()) {
            register(text(file.json(), "id"), file.path(), "$.id");
        }
        for (RawFile file : unit.simulations()) {
            register(text(file.json(), "id"), file.path(), "$.id");
        }
    }

    private void register(String id, String file, String path) {
        if (id.isEmpty()) {
            return;
        }
        String previous = globalIds.putIfAbsent(id, file + " " + path);
        if (previous != null) {
            findings.defect(file, path, "duplicate id \"" + id + "\" (already used at " + previous + ")");
        }
    }

    private void checkPrefix(String id, int number, String file, String path) {
        if (!id.isEmpty() && number > 0 && !id.startsWith("u" + number + "-")) {
            findings.defect(file, path, "id \"" + id + "\" must start with the unit prefix u" + number + "-");
        }
    }

    // ---------------------------------------------------------------- units

    private void checkUnit(RawUnit unit) {
        Matcher folder = UNIT_FOLDER.matcher(unit.folder());
        int number = folder.matches() ? Integer.parseInt(folder.group(1)) : 0;
        if (!folder.matches()) {
            findings.defect(unit.dir() + "/", "$", "unit folder name must be <number>-<slug>");
        }
        Set<String> objectives = new LinkedHashSet<>();
        if (unit.unit() != null) {
            checkUnitFile(unit, number, folder.matches() ? folder.group(2) : "", objectives);
        }
        Map<String, Integer> itemsPerObjective = new LinkedHashMap<>();
        objectives.forEach(o -> itemsPerObjective.put(o, 0));
        if (unit.items() != null) {
            checkItems(unit.items(), number, unit.unit() == null ? null : objectives, itemsPerObjective);
        }
        if (unit.unit() != null) {
            checkQuizAndCoverage(unit.unit(), itemsPerObjective, unit.items() != null);
            checkListedFiles(unit.unit(), "scenarios", unit.scenarios(), "scenario-");
            checkListedFiles(unit.unit(), "simulations", unit.simulations(), "simulation-");
        }
        for (RawFile scenario : unit.scenarios()) {
            checkScenario(scenario, number);
        }
        for (RawFile simulation : unit.simulations()) {
            checkSimulation(simulation, number);
        }
    }

    private void checkUnitFile(RawUnit unit, int number, String slug, Set<String> objectives) {
        String file = unit.unit().path();
        JsonNode json = unit.unit().json();
        if (number > 0 && json.path("number").isInt() && json.path("number").asInt() != number) {
            findings.defect(file, "$.number", "number " + json.path("number").asInt()
                    + " does not match the folder " + unit.folder());
        }
        if (!slug.isEmpty() && json.path("slug").isTextual() && !json.path("slug").asText().equals(slug)) {
            findings.defect(file, "$.slug", "slug \"" + json.path("slug").asText()
                    + "\" does not match the folder " + unit.folder());
        }
        String courseId = raw.course == null ? "" : text(raw.course.json(), "id");
        if (!courseId.isEmpty() && number > 0 && json.path("id").isTextual()
                && !json.path("id").asText().equals(courseId + "/unit/" + number)) {
            findings.defect(file, "$.id", "unit id must be " + courseId + "/unit/" + number);
        }
        JsonNode objs = array(json, "objectives");
        for (int i = 0; i < objs.size(); i++) {
            String id = text(objs.get(i), "id");
            checkPrefix(id, number, file, "$.objectives[" + i + "].id");
            objectives.add(id);
        }
        Set<String> taught = new HashSet<>();
        JsonNode lessons = array(json, "lessons");
        for (int i = 0; i < lessons.size(); i++) {
            JsonNode lesson = lessons.get(i);
            String lessonId = text(lesson, "id");
            checkPrefix(lessonId, number, file, "$.lessons[" + i + "].id");
            JsonNode secs = array(lesson, "sections");
            for (int j = 0; j < secs.size(); j++) {
                JsonNode section = secs.get(j);
                String path = "$.lessons[" + i + "].sections[" + j + "]";
                String id = text(section, "id");
                checkPrefix(id, number, file, path + ".id");
                if (!lessonId.isEmpty() && !id.isEmpty() && !id.startsWith(lessonId + "-")) {
                    findings.warning(file, path + ".id", "section id \"" + id + "\" does not start with its lesson id "
                            + lessonId + "-");
                }
                List<String> refs = texts(section, "objectives");
                for (int k = 0; k < refs.size(); k++) {
                    if (!objectives.contains(refs.get(k))) {
                        findings.defect(file, path + ".objectives[" + k + "]", "section " + id
                                + " names objective \"" + refs.get(k) + "\", which this unit does not define");
                    }
                    taught.add(refs.get(k));
                }
                int words = words(text(section, "body"));
                if (words > 0 && (words < 120 || words > 400)) {
                    findings.warning(file, path + ".body", "section " + id + " has " + words
                            + " words (aim for about 150–350)");
                }
                checkSource(section.get("source"), file, path + ".source");
            }
        }
        for (String objective : objectives) {
            if (!taught.contains(objective)) {
                findings.warning(file, "$.objectives", "objective " + objective + " is served by no lesson section");
            }
        }
        checkPrefix(text(json.path("quiz"), "id"), number, file, "$.quiz.id");
        List<String> scenarioIds = texts(json, "scenarios");
        for (int i = 0; i < scenarioIds.size(); i++) {
            checkPrefix(scenarioIds.get(i), number, file, "$.scenarios[" + i + "]");
        }
        List<String> simulationIds = texts(json, "simulations");
        for (int i = 0; i < simulationIds.size(); i++) {
            checkPrefix(simulationIds.get(i), number, file, "$.simulations[" + i + "]");
        }
    }

    private void checkQuizAndCoverage(RawFile unitFile, Map<String, Integer> itemsPerObjective, boolean haveItems) {
        String file = unitFile.path();
        JsonNode draw = array(unitFile.json().path("quiz"), "draw");
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < draw.size(); i++) {
            String objective = text(draw.get(i), "objective");
            int count = draw.get(i).path("count").asInt();
            String path = "$.quiz.draw[" + i + "]";
            if (!itemsPerObjective.containsKey(objective)) {
                findings.defect(file, path + ".objective", "quiz draws from objective \"" + objective
                        + "\", which this unit does not define");
                continue;
            }
            if (!drawn.add(objective)) {
                findings.defect(file, path + ".objective", "objective " + objective + " appears twice in quiz.draw");
            }
            int bank = itemsPerObjective.get(objective);
            if (haveItems && count > bank) {
                findings.defect(file, path + ".count", "quiz draws " + count + " items for " + objective
                        + " but the bank holds only " + bank);
            } else if (haveItems && count * 2 > bank) {
                findings.warning(file, path + ".count", "quiz draws " + count + " of the " + bank + " items for "
                        + objective + "; at most half lets a retry get different items");
            }
        }
        if (!haveItems) {
            return;
        }
        JsonNode objectives = array(unitFile.json(), "objectives");
        for (int i = 0; i < objectives.size(); i++) {
            String id = text(objectives.get(i), "id");
            if (itemsPerObjective.getOrDefault(id, 0) == 0) {
                findings.defect(file, "$.objectives[" + i + "]", "objective " + id + " is covered by no item");
            } else if (!drawn.contains(id)) {
                findings.warning(file, "$.objectives[" + i + "]", "objective " + id + " is not drawn by the quiz");
            }
        }
    }

    /** The ids listed in unit.json must match the ids of the unit's scenario-*.json / simulation-*.json files. */
    private void checkListedFiles(RawFile unitFile, String field, List<RawFile> files, String prefix) {
        List<String> listed = texts(unitFile.json(), field);
        Set<String> present = new HashSet<>();
        for (RawFile file : files) {
            String id = text(file.json(), "id");
            present.add(id);
            if (!id.isEmpty() && !listed.contains(id)) {
                findings.defect(file.path(), "$.id", "\"" + id + "\" is not listed in " + unitFile.path() + " " + field);
            }
        }
        for (int i = 0; i < listed.size(); i++) {
            if (!present.contains(listed.get(i))) {
                findings.defect(unitFile.path(), "$." + field + "[" + i + "]", "no " + prefix + "*.json file in the "
                        + "unit folder has the id \"" + listed.get(i) + "\"");
            }
        }
    }

    // ---------------------------------------------------------------- items

    private void checkItems(RawFile itemsFile, int number, Set<String> objectives, Map<String, Integer> counts) {
        String file = itemsFile.path();
        JsonNode json = itemsFile.json();
        if (number > 0 && json.path("unit").isInt() && json.path("unit").asInt() != number) {
            findings.defect(file, "$.unit", "unit " + json.path("unit").asInt() + " does not match the folder number " + number);
        }
        JsonNode items = array(json, "items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String path = "$.items[" + i + "]";
            String id = text(item, "id");
            checkPrefix(id, number, file, path + ".id");
            String objective = text(item, "objective");
            if (objectives == null) {
                // unit.json is missing or broken: already reported, objectives cannot be checked
            } else if (objectives.contains(objective)) {
                counts.merge(objective, 1, Integer::sum);
            } else if (!objective.isEmpty()) {
                findings.defect(file, path + ".objective", "item " + id + " names objective \"" + objective
                        + "\", which this unit does not define");
            }
            checkItem(item, id, file, path);
            checkSource(item.get("source"), file, path + ".source");
        }
    }

    private void checkItem(JsonNode item, String id, String file, String path) {
        String type = text(item, "type");
        switch (type) {
            case "single-choice", "multiple-response", "true-false" -> checkOptions(item, id, type, file, path);
            case "matching" -> checkMatching(item, id, file, path);
            case "ordering" -> {
                uniqueIds(array(item, "steps"), "step", id, file, path + ".steps");
                feedbackOf(array(item, "steps"), "step", id, file, path + ".steps");
            }
            case "fill-in" -> {
                Set<String> seen = new HashSet<>();
                List<String> answers = texts(item, "acceptedAnswers");
                for (int k = 0; k < answers.size(); k++) {
                    if (!seen.add(Item.normalise(answers.get(k)))) {
                        findings.warning(file, path + ".acceptedAnswers[" + k + "]", "item " + id
                                + ": accepted answer repeats another once case, accents and spaces are ignored");
                    }
                }
                checkFeedback(text(item, "feedbackCorrect"), "item " + id, file, path + ".feedbackCorrect");
                checkFeedback(text(item, "feedbackIncorrect"), "item " + id, file, path + ".feedbackIncorrect");
            }
            default -> { }
        }
    }

    private void checkOptions(JsonNode item, String id, String type, String file, String path) {
        JsonNode options = array(item, "options");
        uniqueIds(options, "option", id, file, path + ".options");
        feedbackOf(options, "option", id, file, path + ".options");
        int correct = 0;
        for (JsonNode option : options) {
            if (option.path("correct").asBoolean(false)) {
                correct++;
            }
        }
        if (correct == 0) {
            findings.defect(file, path + ".options", "item " + id + " has no correct answer");
        } else if (!type.equals("multiple-response") && correct > 1) {
            findings.defect(file, path + ".options", "item " + id + " is " + type + " but has " + correct
                    + " correct options (exactly one allowed)");
        } else if (type.equals("multiple-response") && correct < 2) {
            findings.defect(file, path + ".options", "item " + id
                    + " is multiple-response but has only one correct option (at least two required)");
        } else if (type.equals("multiple-response") && correct == options.size()) {
            findings.warning(file, path + ".options", "item " + id + ": every option is correct");
        }
        if (type.equals("true-false")) {
            for (int k = 0; k < options.size(); k++) {
                String optionId = text(options.get(k), "id");
                String expected = optionId.equals("true") ? "Verdadero" : optionId.equals("false") ? "Falso" : null;
                if (expected != null && !text(options.get(k), "text").equals(expected)) {
                    findings.defect(file, path + ".options[" + k + "].text", "item " + id + ": option \"" + optionId
                            + "\" must read \"" + expected + "\"");
                }
            }
        }
    }

    private void checkMatching(JsonNode item, String id, String file, String path) {
        JsonNode sources = array(item, "sources");
        JsonNode targets = array(item, "targets");
        uniqueIds(sources, "source", id, file, path + ".sources");
        uniqueIds(targets, "target", id, file, path + ".targets");
        feedbackOf(sources, "source", id, file, path + ".sources");
        Set<String> sourceIds = idsOf(sources);
        Set<String> targetIds = idsOf(targets);
        Map<String, Integer> paired = new HashMap<>();
        JsonNode pairs = array(item, "pairs");
        for (int k = 0; k < pairs.size(); k++) {
            String source = text(pairs.get(k), "source");
            String target = text(pairs.get(k), "target");
            if (!sourceIds.contains(source)) {
                findings.defect(file, path + ".pairs[" + k + "].source", "item " + id + ": pair names missing source \""
                        + source + "\"");
            }
            if (!targetIds.contains(target)) {
                findings.defect(file, path + ".pairs[" + k + "].target", "item " + id + ": pair names missing target \""
                        + target + "\"");
            }
            paired.merge(source, 1, Integer::sum);
        }
        for (int k = 0; k < sources.size(); k++) {
            String source = text(sources.get(k), "id");
            int n = paired.getOrDefault(source, 0);
            if (n != 1) {
                findings.defect(file, path + ".sources[" + k + "]", "item " + id + ": source \"" + source
                        + "\" appears in " + n + " pairs (each source exactly once)");
            }
        }
    }

    private void uniqueIds(JsonNode array, String what, String itemId, String file, String path) {
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < array.size(); k++) {
            String id = text(array.get(k), "id");
            if (!id.isEmpty() && !seen.add(id)) {
                findings.defect(file, path + "[" + k + "].id", "item " + itemId + ": duplicate " + what + " id \"" + id + "\"");
            }
        }
    }

    private void feedbackOf(JsonNode array, String what, String itemId, String file, String path) {
        for (int k = 0; k < array.size(); k++) {
            JsonNode element = array.get(k);
            if (element.hasNonNull("feedback")) { // a missing feedback is a schema defect
                checkFeedback(text(element, "feedback"), "item " + itemId + " " + what + " " + text(element, "id"),
                        file, path + "[" + k + "].feedback");
            }
        }
    }

    private void checkFeedback(String feedback, String owner, String file, String path) {
        int words = words(feedback);
        if (words < MIN_FEEDBACK_WORDS) {
            findings.defect(file, path, owner + ": feedback \"" + feedback + "\" is too short to explain why (at least "
                    + MIN_FEEDBACK_WORDS + " words)");
        }
    }

    private static Set<String> idsOf(JsonNode array) {
        Set<String> ids = new HashSet<>();
        array.forEach(element -> ids.add(text(element, "id")));
        return ids;
    }

    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    // ---------------------------------------------------------------- scenarios and simulations

    private void checkScenario(RawFile scenarioFile, int number) {
        String file = scenarioFile.path();
        JsonNode json = scenarioFile.json();
        if (number > 0 && json.path("unit").isInt() && json.path("unit").asInt() != number) {
            findings.defect(file, "$.unit", "unit " + json.path("unit").asInt() + " does not match the folder number " + number);
        }
        checkPrefix(text(json, "id"), number, file, "$.id");
        checkSource(json.get("source"), file, "$.source");
        Set<String> metrics = new HashSet<>();
        JsonNode metricArray = array(json, "metrics");
        for (int i = 0; i < metricArray.size(); i++) {
            JsonNode metric = metricArray.get(i);
            String id = text(metric, "id");
            String path = "$.metrics[" + i + "]";
            if (!metrics.add(id)) {
                findings.defect(file, path + ".id", "duplicate metric id \"" + id + "\"");
            }
            double min = metric.path("min").asDouble();
            double max = metric.path("max").asDouble();
            double initial = metric.path("initial").asDouble();
            if (min >= max) {
                findings.defect(file, path, "metric " + id + ": min must be below max");
            } else if (initial < min || initial > max) {
                findings.defect(file, path + ".initial", "metric " + id + ": initial value lies outside min..max");
            }
        }
        Set<String> criteria = new HashSet<>();
        JsonNode criteriaArray = array(json.path("rubric"), "criteria");
        for (int i = 0; i < criteriaArray.size(); i++) {
            String id = text(criteriaArray.get(i), "id");
            if (!criteria.add(id)) {
                findings.defect(file, "$.rubric.criteria[" + i + "].id", "duplicate rubric criterion \"" + id + "\"");
            }
        }
        JsonNode nodes = array(json, "nodes");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String nodeId = text(node, "id");
            String path = "$.nodes[" + i + "]";
            JsonNode choices = array(node, "choices");
            for (int j = 0; j < choices.size(); j++) {
                JsonNode choice = choices.get(j);
                String choicePath = path + ".choices[" + j + "]";
                for (Iterator<String> it = choice.path("effects").fieldNames(); it.hasNext(); ) {
                    String metric = it.next();
                    if (!metrics.contains(metric)) {
                        findings.defect(file, choicePath + ".effects." + metric, "node " + nodeId + " choice "
                                + text(choice, "id") + " changes metric \"" + metric + "\", which the scenario does not declare");
                    }
                }
                if (choice.has("rubric") && criteria.isEmpty()) {
                    findings.defect(file, choicePath + ".rubric", "choice awards rubric points but the scenario has no rubric");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = choice.path("rubric").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    if (!criteria.isEmpty() && !criteria.contains(entry.getKey())) {
                        findings.defect(file, choicePath + ".rubric." + entry.getKey(), "rubric criterion \""
                                + entry.getKey() + "\" is not declared in $.rubric.criteria");
                    }
                }
                if (choice.hasNonNull("feedback")) {
                    checkFeedback(text(choice, "feedback"), "node " + nodeId + " choice " + text(choice, "id"), file,
                            choicePath + ".feedback");
                }
            }
            if (text(node, "type").equals("ending")) {
                String ref = text(node, "lessonRef");
                Integer refUnit = sections.get(ref);
                if (!ref.isEmpty() && refUnit == null) {
                    findings.defect(file, path + ".lessonRef", "ending " + nodeId + " names lesson section \"" + ref
                            + "\", which does not exist");
                } else if (refUnit != null && number > 0 && refUnit != number) {
                    findings.warning(file, path + ".lessonRef", "ending " + nodeId + " cites a section of unit " + refUnit);
                }
            }
        }
        new ScenarioGraph(json).check(file, findings);
    }

    private void checkSimulation(RawFile simulationFile, int number) {
        String file = simulationFile.path();
        JsonNode json = simulationFile.json();
        if (number > 0 && json.path("unit").isInt() && json.path("unit").asInt() != number) {
            findings.defect(file, "$.unit", "unit " + json.path("unit").asInt() + " does not match the folder number " + number);
        }
        checkPrefix(text(json, "id"), number, file, "$.id");
        if (json.has("source")) {
            checkSource(json.get("source"), file, "$.source");
        }
        Set<String> controls = new HashSet<>();
        JsonNode array = array(json, "controls");
        for (int i = 0; i < array.size(); i++) {
            String id = text(array.get(i), "id");
            if (!controls.add(id)) {
                findings.defect(file, "$.controls[" + i + "].id", "duplicate control id \"" + id + "\"");
            }
            checkControl(array.get(i), file, "$.controls[" + i + "]");
        }
        Set<String> outputs = new HashSet<>();
        JsonNode outputArray = array(json, "outputs");
        for (int i = 0; i < outputArray.size(); i++) {
            String id = text(outputArray.get(i), "id");
            if (!outputs.add(id)) {
                findings.defect(file, "$.outputs[" + i + "].id", "duplicate output id \"" + id + "\"");
            }
        }
        JsonNode week = json.path("target").path("week");
        if (week.isInt() && json.path("weeks").isInt() && week.asInt() > json.path("weeks").asInt()) {
            findings.defect(file, "$.target.week", "target week " + week.asInt() + " is after the last simulated week "
                    + json.path("weeks").asInt());
        }
        if (ENGAGEMENT_SIMULATION.matcher(text(json, "id")).matches()) {
            checkEngagementModel(json, file);
        }
    }

    /**
     * An engagement simulation must be readable by the model that plays it, and its defaults must miss the target
     * (FORMAT.md, Engagement model: the defaults show the starting point).
     */
    private void checkEngagementModel(JsonNode json, String file) {
        try {
            EngagementModel model = EngagementModel.fromSimulation(json);
            if (model.run(model.defaults()).targetMet()) {
                findings.defect(file, "$.controls", "the engagement model meets the target with the default controls; "
                        + "the defaults must miss it");
            }
        } catch (RuntimeException e) {
            findings.defect(file, "$", "the engagement model cannot play this file: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** A control's default must be one of the values the control allows. */
    private void checkControl(JsonNode control, String file, String path) {
        String id = text(control, "id");
        JsonNode value = control.path("default");
        switch (text(control, "type")) {
            case "integer" -> {
                int min = control.path("min").asInt();
                int max = control.path("max").asInt();
                int step = Math.max(1, control.path("step").asInt(1));
                if (min >= max) {
                    findings.defect(file, path, "control " + id + ": min must be below max");
                } else if (value.isInt() && (value.asInt() < min || value.asInt() > max || (value.asInt() - min) % step != 0)) {
                    findings.defect(file, path + ".default", "control " + id + ": default " + value.asInt()
                            + " is not a value of " + min + ".." + max + " in steps of " + step);
                }
            }
            case "select", "multi-select" -> {
                JsonNode options = array(control, "options");
                Set<String> ids = new HashSet<>();
                for (int k = 0; k < options.size(); k++) {
                    if (!ids.add(text(options.get(k), "id"))) {
                        findings.defect(file, path + ".options[" + k + "].id", "control " + id + ": duplicate option id \""
                                + text(options.get(k), "id") + "\"");
                    }
                }
                List<String> chosen = value.isArray() ? texts(control, "default") : List.of(value.asText());
                for (String option : chosen) {
                    if (!ids.contains(option)) {
                        findings.defect(file, path + ".default", "control " + id + ": default \"" + option
                                + "\" is not one of its options");
                    }
                }
                int minSelected = control.path("minSelected").asInt(0);
                int maxSelected = control.path("maxSelected").asInt(options.size());
                if (value.isArray() && (chosen.size() < minSelected || chosen.size() > maxSelected)) {
                    findings.defect(file, path + ".default", "control " + id + ": default selects " + chosen.size()
                            + " options; between " + minSelected + " and " + maxSelected + " allowed");
                }
            }
            case "percentages" -> {
                Set<String> parts = new LinkedHashSet<>();
                JsonNode partArray = array(control, "parts");
                for (int k = 0; k < partArray.size(); k++) {
                    if (!parts.add(text(partArray.get(k), "id"))) {
                        findings.defect(file, path + ".parts[" + k + "].id", "control " + id + ": duplicate part id \""
                                + text(partArray.get(k), "id") + "\"");
                    }
                }
                Set<String> given = new LinkedHashSet<>();
                value.fieldNames().forEachRemaining(given::add);
                if (value.isObject() && !given.equals(parts)) {
                    findings.defect(file, path + ".default", "control " + id + ": default must give a share to exactly the parts "
                            + parts);
                }
                int total = 0;
                int step = Math.max(1, control.path("step").asInt(1));
                for (JsonNode share : value) {
                    total += share.asInt();
                    if (share.asInt() % step != 0) {
                        findings.defect(file, path + ".default", "control " + id + ": share " + share.asInt()
                                + " is not a multiple of the step " + step);
                    }
                }
                if (value.isObject() && total != control.path("total").asInt()) {
                    findings.defect(file, path + ".default", "control " + id + ": default shares add up to " + total
                            + ", not " + control.path("total").asInt());
                }
            }
            default -> { }
        }
    }

    // ---------------------------------------------------------------- sources

    /**
     * With the seed folder at hand: the seed file must exist (defect) and the passage should be found in it,
     * ignoring case, spacing and quote style, piece by piece around ellipses (warning: it may be a locator).
     */
    private void checkSource(JsonNode source, String file, String path) {
        if (seeds == null || source == null || !source.isObject()) {
            return;
        }
        String seed = text(source, "seed");
        if (seed.isEmpty()) {
            return;
        }
        String seedText = seedTexts.computeIfAbsent(seed, name -> {
            Path seedFile = seeds.resolve(name);
            try {
                return Files.isRegularFile(seedFile) ? normalisePassage(Files.readString(seedFile)) : "";
            } catch (IOException e) {
                return "";
            }
        });
        if (seedText.isEmpty()) {
            findings.defect(file, path + ".seed", "seed \"" + seed + "\" is not a file of " + seeds);
            return;
        }
        String passage = text(source, "passage");
        for (String piece : passage.split("…|\\.\\.\\.|\\[…]|\\[\\.\\.\\.]")) {
            String normalised = normalisePassage(piece);
            if (normalised.length() >= 3 && !seedText.contains(normalised)) {
                findings.warning(file, path + ".passage", "passage not found verbatim in " + seed
                        + " (fine if it is a locator): \"" + piece.strip() + "\"");
                return;
            }
        }
    }

    /** Lower case, letters and digits only, single spaces: quotes, punctuation and line breaks do not matter. */
    static String normalisePassage(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
