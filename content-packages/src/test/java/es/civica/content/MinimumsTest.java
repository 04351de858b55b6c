package es.civica.content;

import static es.civica.content.Fixture.ITEMS1;
import static es.civica.content.Fixture.SCENARIO1;
import static es.civica.content.Fixture.SCENARIO4;
import static es.civica.content.Fixture.UNIT1_JSON;
import static es.civica.content.Fixture.UNIT4;
import static es.civica.content.Fixture.array;
import static es.civica.content.Fixture.assertDefect;
import static es.civica.content.Fixture.at;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size rules of issue 3 fail validation like format defects; the small fixture is below all of them. */
class MinimumsTest {

    private static final ContentValidator ISSUE_3 = new ContentValidator();
    private static final String UNIT4_JSON = UNIT4 + "unit.json";

    @TempDir
    Path dir;
    Fixture course;
    ValidationReport report;

    @BeforeEach
    void validateFixtureWithTheIssueMinimums() {
        course = Fixture.copyTo(dir);
        report = course.validate(ISSUE_3);
    }

    @Test
    void requiresTheFiveUnitFoldersInOrder() {
        assertDefect(report, "course.json", "$.units", "the course must list the units [1-gobernanza-inteligente");
    }

    @Test
    void requiresThreeToSixObjectives() {
        assertDefect(report, UNIT1_JSON, "$.objectives", "the unit has 2 objectives; between 3 and 6 required");
    }

    @Test
    void requiresFourLessonsOfTwoToFourSections() {
        assertDefect(report, UNIT1_JSON, "$.lessons", "the unit has 1 lessons; at least 4 required");
        assertDefect(report, UNIT4_JSON, "$.lessons[0].sections", "lesson u4-l1 has 1 sections; between 2 and 4 required");
    }

    @Test
    void requiresTwentyFourItemsOfFourTypes() {
        assertDefect(report, ITEMS1, "$.items", "the bank holds 6 items; at least 24 required");
        assertDefect(report, UNIT4 + "items.json", "$.items", "the bank uses 2 item types");
    }

    @Test
    void requiresAQuizOfTenItemsWithPassMarkPointEightAndThreeAttempts() {
        assertDefect(report, UNIT1_JSON, "$.quiz.draw", "the quiz draws 2 items; it must draw 10");
        course.edit(UNIT1_JSON, j -> at(j, "/quiz").put("passMark", 0.7).put("maxAttempts", 5));
        report = course.validate(ISSUE_3);
        assertDefect(report, UNIT1_JSON, "$.quiz.passMark", "pass mark must be 0.8");
        assertDefect(report, UNIT1_JSON, "$.quiz.maxAttempts", "maxAttempts must be 3");
    }

    @Test
    void requiresAScenarioPerUnit() {
        course.edit(UNIT1_JSON, j -> j.putArray("scenarios"));
        course.delete(SCENARIO1);
        report = course.validate(ISSUE_3);
        assertDefect(report, UNIT1_JSON, "$.scenarios", "the unit has 0 scenarios; at least 1 required");
    }

    @Test
    void requiresThreeEndingsOfThreeTiersPerScenario() {
        course.edit(SCENARIO1, j -> at(j, "/nodes/5").put("tier", "good"));
        report = course.validate(ISSUE_3);
        assertDefect(report, SCENARIO1, "$.nodes", "3 endings of 2 tiers [best, good]");
    }

    @Test
    void requiresThreeComplaintOrCrisisScenariosInUnitFour() {
        assertDefect(report, UNIT4_JSON, "$.scenarios", "unit 4 has 1 complaint/crisis scenarios; at least 3 required");
    }

    @Test
    void requiresEightDecisionNodesInEachComplaintScenario() {
        assertDefect(report, SCENARIO4, "$.nodes", "needs at least 8 decision nodes; it has 2");
    }

    @Test
    void requiresTheFourIncidentMetrics() {
        course.edit(SCENARIO4, j -> {
            array(j, "/metrics").remove(3);
            at(j, "/metrics/2").put("higherIsBetter", true);
            for (var node : j.withArray("nodes")) {
                for (var choice : node.path("choices")) {
                    ((ObjectNode) choice.get("effects")).remove("responseTime");
                }
            }
        });
        report = course.validate(ISSUE_3);
        assertDefect(report, SCENARIO4, "$.metrics", "must declare the metric responseTime");
        assertDefect(report, SCENARIO4, "$.metrics", "metric escalation must have higherIsBetter false");
    }

    @Test
    void requiresTheEngagementSimulationInUnitFour() {
        course.edit(UNIT4_JSON, j -> j.putArray("simulations"));
        course.delete(UNIT4 + "simulation-engagement.json");
        report = course.validate(ISSUE_3);
        assertDefect(report, UNIT4_JSON, "$.simulations", "must carry the simulation u4-sim-engagement");
    }

    @Test
    @DisplayName("a bank that reaches 24 items of 4 types no longer breaks the minimums")
    void acceptsABankOnceItReachesTheMinimums() {
        course.edit(ITEMS1, j -> {
            ArrayNode items = j.withArray("items");
            for (int n = 7; n <= 24; n++) {
                ObjectNode copy = items.get(n % 6).deepCopy();
                copy.put("id", String.format("u1-i%02d", n));
                items.add(copy);
            }
        });
        report = course.validate(ISSUE_3);
        assertFalse(report.defects().stream().anyMatch(d -> d.file().equals(ITEMS1)), Fixture.list(report));
    }
}
