package es.civica.content;

import static es.civica.content.RawJson.array;
import static es.civica.content.RawJson.text;
import static es.civica.content.RawJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import es.civica.content.RawContent.RawFile;
import es.civica.content.RawContent.RawUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The size rules of the course (issue 3), checked as defects like the format rules. {@link #ISSUE_3} is what the
 * build enforces; {@link #NONE} turns them all off (small test fixtures). A zero or empty threshold is not checked.
 *
 * @param unitFolders          the unit folders course.json must list, in order
 * @param minObjectives        objectives per unit, at least
 * @param maxObjectives        objectives per unit, at most
 * @param minLessons           lessons per unit
 * @param minSections          sections per lesson, at least
 * @param maxSections          sections per lesson, at most
 * @param minItems             items in a unit's bank
 * @param minItemTypes         distinct item types in a unit's bank
 * @param quizLength           items a quiz draws (sum of quiz.draw counts)
 * @param passMark             the quiz's pass mark
 * @param maxAttempts          the quiz's attempts
 * @param minScenarios         scenarios per unit
 * @param minEndings           endings per scenario
 * @param minEndingTiers       distinct ending tiers per scenario
 * @param incidentUnit         the unit that must carry complaint/crisis scenarios and the engagement simulation
 * @param minIncidentScenarios complaint or crisis scenarios in that unit
 * @param minDecisionNodes     decision nodes in each of those scenarios
 * @param incidentMetrics      metric id → higherIsBetter each of those scenarios must declare
 * @param engagementSimulation simulation id that unit must carry
 */
public record Minimums(
        List<String> unitFolders,
        int minObjectives, int maxObjectives,
        int minLessons, int minSections, int maxSections,
        int minItems, int minItemTypes,
        int quizLength, double passMark, int maxAttempts,
        int minScenarios, int minEndings, int minEndingTiers,
        int incidentUnit, int minIncidentScenarios, int minDecisionNodes,
        Map<String, Boolean> incidentMetrics, String engagementSimulation) {

    /** The minimums of issue 3, enforced on the real course by the build and by scripts/content-check. */
    public static final Minimums ISSUE_3 = new Minimums(
            List.of("1-gobernanza-inteligente", "2-administracion-colaborativa", "3-empleados-publicos-redes",
                    "4-administracion-local", "5-plan-social-media"),
            3, 6, 4, 2, 4, 24, 4, 10, 0.8, 3, 1, 3, 3,
            4, 3, 8, orderedMetrics(), "u4-sim-engagement");

    /** No size rule at all: only the format checks apply. */
    public static final Minimums NONE = new Minimums(List.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, Map.of(), "");

    public Minimums {
        unitFolders = List.copyOf(unitFolders);
        incidentMetrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(incidentMetrics));
    }

    private static Map<String, Boolean> orderedMetrics() {
        Map<String, Boolean> metrics = new LinkedHashMap<>();
        metrics.put("satisfaction", true);
        metrics.put("sentiment", true);
        metrics.put("escalation", false);
        metrics.put("responseTime", false);
        return metrics;
    }

    void check(RawContent raw, Findings findings) {
        if (!unitFolders.isEmpty() && raw.course != null) {
            List<String> listed = texts(raw.course.json(), "units");
            if (!listed.equals(unitFolders)) {
                findings.defect(raw.course.path(), "$.units", "the course must list the units " + unitFolders
                        + " in this order");
            }
        }
        for (RawUnit unit : raw.units) {
            if (unit.unit() != null) {
                checkUnit(unit, unit.unit().path(), unit.unit().json(), findings);
            }
            if (unit.items() != null) {
                checkItems(unit.items(), findings);
            }
            for (RawFile scenario : unit.scenarios()) {
                checkEndings(scenario, findings);
            }
        }
    }

    private void checkUnit(RawUnit unit, String file, JsonNode json, Findings findings) {
        int objectives = array(json, "objectives").size();
        if (minObjectives > 0 && objectives < minObjectives || maxObjectives > 0 && objectives > maxObjectives) {
            findings.defect(file, "$.objectives", "the unit has " + objectives + " objectives; between "
                    + minObjectives + " and " + maxObjectives + " required");
        }
        JsonNode lessons = array(json, "lessons");
        if (lessons.size() < minLessons) {
            findings.defect(file, "$.lessons", "the unit has " + lessons.size() + " lessons; at least "
                    + minLessons + " required");
        }
        for (int i = 0; i < lessons.size(); i++) {
            int sections = array(lessons.get(i), "sections").size();
            if (minSections > 0 && sections < minSections || maxSections > 0 && sections > maxSections) {
                findings.defect(file, "$.lessons[" + i + "].sections", "lesson " + text(lessons.get(i), "id")
                        + " has " + sections + " sections; between " + minSections + " and " + maxSections + " required");
            }
        }
        JsonNode quiz = json.path("quiz");
        if (quizLength > 0 && quiz.isObject()) {
            int length = 0;
            for (JsonNode draw : array(quiz, "draw")) {
                length += draw.path("count").asInt();
            }
            if (length != quizLength) {
                findings.defect(file, "$.quiz.draw", "the quiz draws " + length + " items; it must draw " + quizLength);
            }
        }
        if (passMark > 0 && quiz.has("passMark") && Math.abs(quiz.path("passMark").asDouble() - passMark) > 1e-9) {
            findings.defect(file, "$.quiz.passMark", "pass mark must be " + passMark);
        }
        if (maxAttempts > 0 && quiz.has("maxAttempts") && quiz.path("maxAttempts").asInt() != maxAttempts) {
            findings.defect(file, "$.quiz.maxAttempts", "maxAttempts must be " + maxAttempts);
        }
        List<String> scenarioIds = texts(json, "scenarios");
        if (scenarioIds.size() < minScenarios) {
            findings.defect(file, "$.scenarios", "the unit has " + scenarioIds.size() + " scenarios; at least "
                    + minScenarios + " required");
        }
        if (incidentUnit > 0 && json.path("number").asInt() == incidentUnit) {
            checkIncidentUnit(unit, file, json, findings);
        }
    }

    private void checkIncidentUnit(RawUnit unit, String file, JsonNode json, Findings findings) {
        int incidents = 0;
        for (RawFile scenario : unit.scenarios()) {
            String kind = text(scenario.json(), "kind");
            if (!kind.equals("complaint") && !kind.equals("crisis")) {
                continue;
            }
            incidents++;
            ScenarioGraph graph = new ScenarioGraph(scenario.json());
            if (graph.decisionCount() < minDecisionNodes) {
                findings.defect(scenario.path(), "$.nodes", "a " + kind + " scenario of unit " + incidentUnit
                        + " needs at least " + minDecisionNodes + " decision nodes; it has " + graph.decisionCount());
            }
            Map<String, Boolean> declared = new HashMap<>();
            for (JsonNode metric : array(scenario.json(), "metrics")) {
                declared.put(text(metric, "id"), metric.path("higherIsBetter").asBoolean());
            }
            for (Map.Entry<String, Boolean> metric : incidentMetrics.entrySet()) {
                if (!declared.containsKey(metric.getKey())) {
                    findings.defect(scenario.path(), "$.metrics", "a " + kind + " scenario of unit " + incidentUnit
                            + " must declare the metric " + metric.getKey());
                } else if (!declared.get(metric.getKey()).equals(metric.getValue())) {
                    findings.defect(scenario.path(), "$.metrics", "metric " + metric.getKey()
                            + " must have higherIsBetter " + metric.getValue());
                }
            }
        }
        if (incidents < minIncidentScenarios) {
            findings.defect(file, "$.scenarios", "unit " + incidentUnit + " has " + incidents
                    + " complaint/crisis scenarios; at least " + minIncidentScenarios + " required");
        }
        if (!engagementSimulation.isEmpty() && !texts(json, "simulations").contains(engagementSimulation)) {
            findings.defect(file, "$.simulations", "unit " + incidentUnit + " must carry the simulation "
                    + engagementSimulation);
        }
    }

    private void checkItems(RawFile itemsFile, Findings findings) {
        JsonNode items = array(itemsFile.json(), "items");
        if (items.size() < minItems) {
            findings.defect(itemsFile.path(), "$.items", "the bank holds " + items.size() + " items; at least "
                    + minItems + " required");
        }
        Set<String> types = new HashSet<>();
        items.forEach(item -> types.add(text(item, "type")));
        types.remove("");
        if (types.size() < minItemTypes) {
            findings.defect(itemsFile.path(), "$.items", "the bank uses " + types.size() + " item types "
                    + new ArrayList<>(types) + "; at least " + minItemTypes + " required");
        }
    }

    private void checkEndings(RawFile scenario, Findings findings) {
        ScenarioGraph graph = new ScenarioGraph(scenario.json());
        Map<String, Integer> tiers = graph.endingsByTier();
        if (graph.endingCount() < minEndings || tiers.size() < minEndingTiers) {
            findings.defect(scenario.path(), "$.nodes", "the scenario has " + graph.endingCount() + " endings of "
                    + tiers.size() + " tiers " + tiers.keySet() + "; at least " + minEndings + " endings of "
                    + minEndingTiers + " different tiers required");
        }
    }
}
