package es.civica.content;

import static es.civica.content.Fixture.assertDefect;
import static es.civica.content.Fixture.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gamification/rules.json: the shipped rules load; schema and cross-reference defects are reported with their path. */
class GamificationRulesTest {
    static final String FILE = GamificationRules.FILE;

    @TempDir
    Path dir;
    Fixture course;

    /** The shipped rules, adapted to the fixture course (units 1 and 4 only). */
    @BeforeEach
    void copyFixtureWithRules() throws Exception {
        course = Fixture.copyTo(dir);
        course.write(FILE, Files.readString(Path.of("gamification/rules.json")));
        rules(r -> {
            badge(r, 2).put("scenario", "u1-sc-estrategia");
            ArrayNode units = badge(r, 4).putArray("units");
            units.add(1).add(4);
        });
    }

    private void rules(Consumer<ObjectNode> change) {
        course.edit(FILE, change);
    }

    private static ObjectNode badge(ObjectNode rules, int i) {
        return (ObjectNode) rules.at("/badges/" + i + "/criteria");
    }

    @Test
    @DisplayName("the course shipped in content-packages carries rules that validate and load")
    void shippedRules() {
        Course shipped = ContentLoader.load(Path.of("."));
        GamificationRules r = shipped.gamificationRules().orElseThrow();
        assertEquals("Europe/Madrid", r.timeZone().getId());
        assertEquals(5, r.badges().size());
        assertEquals(1, r.level(0).number());
        assertTrue(r.level(r.levels().get(1).minXp()).number() == 2);
        assertTrue(r.isWorkingDay(LocalDate.of(2026, 11, 25)));
        assertFalse(r.isWorkingDay(LocalDate.of(2026, 11, 28)), "Saturday");
        assertFalse(r.isWorkingDay(LocalDate.of(2026, 12, 8)), "a public holiday");
        assertTrue(r.workingDays().contains(DayOfWeek.FRIDAY));
        assertEquals(50, r.band(1.0).orElseThrow().bonus());
        assertEquals(0, r.band(0.8).orElseThrow().bonus());
    }

    @Test
    @DisplayName("rules adapted to the fixture validate; a package without rules is still valid")
    void validRules() throws Exception {
        assertValid(course.validate());
        assertTrue(course.validate().course().orElseThrow().gamificationRules().isPresent());
        Files.delete(dir.resolve(FILE));
        assertTrue(course.validate().course().orElseThrow().gamificationRules().isEmpty());
    }

    @Test
    @DisplayName("badge criteria must name scenarios, kinds, tiers, metrics, simulations and units of the course")
    void crossReferences() {
        rules(r -> {
            badge(r, 0).put("scenarioKind", "plan");
            badge(r, 1).put("simulation", "u4-sim-nada");
            badge(r, 2).put("scenario", "u9-sc-nada");
            ((ArrayNode) badge(r, 4).get("units")).add(7);
        });
        ValidationReport report = course.validate();
        assertDefect(report, FILE, "$.badges[0].criteria.scenarioKind", "no scenario of kind \"plan\"");
        assertDefect(report, FILE, "$.badges[1].criteria.simulation", "no simulation \"u4-sim-nada\"");
        assertDefect(report, FILE, "$.badges[2].criteria.scenario", "no scenario \"u9-sc-nada\"");
        assertDefect(report, FILE, "$.badges[4].criteria.units[2]", "no unit 7");
    }

    @Test
    @DisplayName("a metric the matching scenarios lack, or a tier none of them ends in, is a defect")
    void metricsAndTiers() {
        rules(r -> {
            ((ObjectNode) badge(r, 0).get("metricsAtMost")).put("mood", 3);
            badge(r, 2).put("scenario", "u4-sc-queja");
        });
        assertDefect(course.validate(), FILE, "$.badges[0].criteria.metricsAtMost.mood", "has no metric \"mood\"");
    }

    @Test
    @DisplayName("levels ascend from 0, bands descend to 0, badge ids are unique, the zone exists")
    void ordering() {
        rules(r -> {
            ((ObjectNode) r.at("/levels/2")).put("minXp", 10);
            ((ObjectNode) r.at("/xp/quizPassed/bands/2")).put("minScaled", 0.95);
            ((ObjectNode) r.at("/badges/3")).put("id", "escucha-activa");
            r.put("timeZone", "Europe/Atlantis");
        });
        ValidationReport report = course.validate();
        assertDefect(report, FILE, "$.levels[2].minXp", "ascending");
        assertDefect(report, FILE, "$.xp.quizPassed.bands[2]", "descending");
        assertDefect(report, FILE, "$.badges[3].id", "duplicate badge id");
        assertDefect(report, FILE, "$.timeZone", "unknown time zone");
    }

    @Test
    @DisplayName("the schema rejects an unknown criterion type and fields of another type")
    void schema() {
        rules(r -> {
            badge(r, 3).put("type", "luck");
            badge(r, 1).put("tier", "best");
        });
        ValidationReport report = course.validate();
        assertFalse(report.isValid());
        assertTrue(report.defects().stream().anyMatch(d -> d.file().equals(FILE)
                && d.path().startsWith("$.badges[3].criteria")), report.defects().toString());
        assertTrue(report.defects().stream().anyMatch(d -> d.file().equals(FILE)
                && d.path().startsWith("$.badges[1].criteria")), report.defects().toString());
    }
}
