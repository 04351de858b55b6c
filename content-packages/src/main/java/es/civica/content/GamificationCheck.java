package es.civica.content;

import static es.civica.content.RawJson.array;
import static es.civica.content.RawJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import es.civica.content.RawContent.RawFile;
import es.civica.content.RawContent.RawUnit;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of {@code gamification/rules.json} a schema cannot express (FORMAT.md, Gamification): a real time
 * zone and dates; quiz bands in descending order ending at 0; levels from 0 XP in ascending order; unique badge ids;
 * and badge criteria that name scenarios, scenario kinds, tiers, metrics, simulations and units the course has.
 */
final class GamificationCheck {

    private record ScenarioFacts(String id, String kind, Set<String> tiers, Set<String> metrics) {}

    private final RawContent raw;
    private final Findings findings;

    GamificationCheck(RawContent raw, Findings findings) {
        this.raw = raw;
        this.findings = findings;
    }

    void run() {
        RawFile file = raw.gamification;
        if (file == null) {
            return;
        }
        String path = file.path();
        JsonNode json = file.json();
        try {
            ZoneId.of(text(json, "timeZone"));
        } catch (DateTimeException e) {
            findings.defect(path, "$.timeZone", "unknown time zone \"" + text(json, "timeZone") + "\"");
        }
        JsonNode holidays = array(json.path("streak"), "holidays");
        for (int i = 0; i < holidays.size(); i++) {
            try {
                LocalDate.parse(holidays.get(i).asText());
            } catch (DateTimeParseException e) {
                findings.defect(path, "$.streak.holidays[" + i + "]", "not a date: " + holidays.get(i).asText());
            }
        }
        JsonNode bands = array(json.path("xp").path("quizPassed"), "bands");
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).path("minScaled").asDouble() >= bands.get(i - 1).path("minScaled").asDouble()) {
                findings.defect(path, "$.xp.quizPassed.bands[" + i + "]", "bands must be in descending minScaled");
            }
        }
        if (bands.size() > 0 && bands.get(bands.size() - 1).path("minScaled").asDouble() != 0) {
            findings.defect(path, "$.xp.quizPassed.bands", "the last band must start at minScaled 0 so every pass has one");
        }
        JsonNode levels = array(json, "levels");
        if (levels.size() > 0 && levels.get(0).path("minXp").asInt(-1) != 0) {
            findings.defect(path, "$.levels[0].minXp", "the first level starts at 0 XP");
        }
        Set<String> levelNames = new HashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            if (i > 0 && levels.get(i).path("minXp").asInt() <= levels.get(i - 1).path("minXp").asInt()) {
                findings.defect(path, "$.levels[" + i + "].minXp", "levels must be in ascending minXp");
            }
            if (!levelNames.add(text(levels.get(i), "name"))) {
                findings.defect(path, "$.levels[" + i + "].name", "duplicate level name");
            }
        }
        checkBadges(path, array(json, "badges"));
    }

    private void checkBadges(String path, JsonNode badges) {
        List<ScenarioFacts> scenarios = new ArrayList<>();
        Set<String> simulations = new HashSet<>();
        Set<Integer> units = new HashSet<>();
        for (RawUnit unit : raw.units) {
            if (unit.unit() != null) {
                units.add(unit.unit().json().path("number").asInt());
            }
            unit.simulations().forEach(s -> simulations.add(text(s.json(), "id")));
            for (RawFile s : unit.scenarios()) {
                Set<String> tiers = new HashSet<>();
                array(s.json(), "nodes").forEach(n -> {
                    if ("ending".equals(text(n, "type"))) {
                        tiers.add(text(n, "tier"));
                    }
                });
                Set<String> metrics = new HashSet<>();
                array(s.json(), "metrics").forEach(m -> metrics.add(text(m, "id")));
                scenarios.add(new ScenarioFacts(text(s.json(), "id"), text(s.json(), "kind"), tiers, metrics));
            }
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < badges.size(); i++) {
            JsonNode badge = badges.get(i);
            String at = "$.badges[" + i + "]";
            Integer before = ids.putIfAbsent(text(badge, "id"), i);
            if (before != null) {
                findings.defect(path, at + ".id", "duplicate badge id \"" + text(badge, "id") + "\" (also $.badges["
                        + before + "])");
            }
            JsonNode c = badge.path("criteria");
            switch (text(c, "type")) {
                case "scenarioEnding" -> checkScenarioCriteria(path, at + ".criteria", c, scenarios);
                case "simulationTarget" -> {
                    if (!simulations.contains(text(c, "simulation"))) {
                        findings.defect(path, at + ".criteria.simulation", "no simulation \"" + text(c, "simulation")
                                + "\" in the course");
                    }
                }
                case "unitsPassed" -> {
                    JsonNode listed = array(c, "units");
                    for (int j = 0; j < listed.size(); j++) {
                        if (!units.contains(listed.get(j).asInt())) {
                            findings.defect(path, at + ".criteria.units[" + j + "]", "no unit " + listed.get(j).asInt()
                                    + " in the course");
                        }
                    }
                }
                default -> {
                    // streak: nothing to cross-check; unknown types are schema defects
                }
            }
        }
    }

    private void checkScenarioCriteria(String path, String at, JsonNode c, List<ScenarioFacts> scenarios) {
        List<ScenarioFacts> matching = new ArrayList<>();
        if (c.has("scenario")) {
            scenarios.stream().filter(s -> s.id().equals(text(c, "scenario"))).forEach(matching::add);
            if (matching.isEmpty()) {
                findings.defect(path, at + ".scenario", "no scenario \"" + text(c, "scenario") + "\" in the course");
                return;
            }
        } else {
            scenarios.stream().filter(s -> s.kind().equals(text(c, "scenarioKind"))).forEach(matching::add);
            if (matching.isEmpty()) {
                findings.defect(path, at + ".scenarioKind", "no scenario of kind \"" + text(c, "scenarioKind")
                        + "\" in the course");
                return;
            }
        }
        String tier = text(c, "tier");
        if (matching.stream().noneMatch(s -> s.tiers().contains(tier))) {
            findings.defect(path, at + ".tier", "no matching scenario has a \"" + tier + "\" ending");
        }
        for (Iterator<String> it = c.path("metricsAtMost").fieldNames(); it.hasNext(); ) {
            String metric = it.next();
            for (ScenarioFacts s : matching) {
                if (!s.metrics().contains(metric)) {
                    findings.defect(path, at + ".metricsAtMost." + metric, "scenario " + s.id()
                            + " has no metric \"" + metric + "\"");
                }
            }
        }
    }
}
