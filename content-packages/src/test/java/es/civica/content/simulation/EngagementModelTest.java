package es.civica.content.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real unit-4 simulation file (tests run with content-packages/ as working directory). */
class EngagementModelTest {

    private static final Path FILE = Path.of("units/4-administracion-local/simulation-u4-sim-engagement.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode file;
    private static EngagementModel model;

    @BeforeAll
    static void load() throws IOException {
        file = JSON.readTree(FILE.toFile());
        model = EngagementModel.fromSimulation(file);
    }

    private static SimulationControls settings(int posts, List<String> slots, int service, int answers,
                                               int participation, int propaganda, String response,
                                               List<String> channels) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        mix.put("serviceInfo", service);
        mix.put("citizenAnswers", answers);
        mix.put("participation", participation);
        mix.put("propaganda", propaganda);
        return new SimulationControls(posts, slots, mix, response, channels);
    }

    /** The first good setting the debrief documents. */
    private static SimulationControls documentedGoodSetting() {
        return settings(8, List.of("midday", "afternoon"), 50, 25, 20, 5, "4h", List.of("x", "facebook", "instagram"));
    }

    @Test
    void sameSettingsAlwaysGiveTheSameWeeks() throws IOException {
        SimulationOutcome first = model.run(documentedGoodSetting());
        SimulationOutcome second = EngagementModel.fromSimulation(JSON.readTree(FILE.toFile())).run(documentedGoodSetting());
        assertEquals(first, second);
        assertEquals(4, first.weeks().size());
    }

    @Test
    void anotherSeedChangesTheNoiseButNotTheShape() {
        ObjectNode reseeded = file.deepCopy();
        reseeded.put("seed", file.get("seed").asLong() + 1);
        SimulationOutcome original = model.run(documentedGoodSetting());
        SimulationOutcome other = EngagementModel.fromSimulation(reseeded).run(documentedGoodSetting());
        assertNotEquals(original.weeks(), other.weeks());
        assertTrue(other.targetMet(), "a small noise must not decide the outcome of a good setting");
    }

    @Test
    void theDefaultsMimicThePropagandaHeavyStartAndMissTheTarget() {
        SimulationOutcome outcome = model.run(model.defaults());
        assertFalse(outcome.targetMet());
        assertFalse(outcome.part("engagementRate").met());
        assertFalse(outcome.part("unanswered").met());
        assertEquals(75, model.defaults().contentMix().get("propaganda"));
    }

    @Test
    void theSettingsTheDebriefRecommendsMeetTheTarget() {
        List<SimulationControls> documented = List.of(
                documentedGoodSetting(),
                settings(10, List.of("midday"), 50, 30, 15, 5, "1h", List.of("x", "facebook")),
                settings(7, List.of("afternoon", "evening"), 45, 30, 20, 5, "4h",
                        List.of("facebook", "instagram", "whatsapp-channel")));
        for (SimulationControls controls : documented) {
            SimulationOutcome outcome = model.run(controls);
            assertTrue(outcome.targetMet(), () -> "expected to meet the target: " + controls + " → " + outcome);
        }
    }

    @Test
    void answeringBuildsTrustSoEngagementGrowsOverTheWeeks() {
        List<WeekResult> weeks = model.run(documentedGoodSetting()).weeks();
        assertTrue(weeks.get(3).engagementRate() > weeks.get(0).engagementRate());
    }

    @Test
    void maxingEveryControlMissesTheTarget() {
        SimulationControls everything = settings(35, List.of("morning", "midday", "afternoon", "evening"),
                40, 30, 30, 0, "1h", List.of("x", "facebook", "instagram", "whatsapp-channel"));
        assertFalse(model.run(everything).targetMet());
    }

    @Test
    void spammingIsPunishedBySaturationAndFatigue() {
        SimulationControls moderate = documentedGoodSetting();
        SimulationControls spam = settings(35, moderate.timeSlots(), 50, 25, 20, 5, "4h", moderate.channels());
        WeekResult calm = model.run(moderate).weeks().get(3);
        WeekResult flood = model.run(spam).weeks().get(3);
        double reachPerPostCalm = calm.reach() / 8.0;
        double reachPerPostFlood = flood.reach() / 35.0;
        assertTrue(reachPerPostFlood < reachPerPostCalm / 2, "each post reaches far fewer people");
        assertTrue(flood.engagementRate() < calm.engagementRate() / 2, "followers tire and interact less");
        assertTrue(flood.audience() < calm.audience(), "some followers leave");
        assertFalse(model.run(spam).targetMet());
    }

    @Test
    void slowResponsesLeaveMoreQuestionsUnanswered() {
        SimulationControls fast = documentedGoodSetting();
        SimulationControls slow = settings(8, fast.timeSlots(), 50, 25, 20, 5, "72h", fast.channels());
        WeekResult quick = model.run(fast).weeks().get(3);
        WeekResult late = model.run(slow).weeks().get(3);
        assertTrue(late.unanswered() > quick.unanswered() * 3);
        assertTrue(late.engagementRate() < quick.engagementRate(), "ignored citizens interact less");
        assertFalse(model.run(slow).part("unanswered").met());
    }

    @Test
    void controlsAreReadFromThePlayersJson() throws IOException {
        SimulationControls parsed = model.controls(JSON.readTree("""
                {"postsPerWeek": 8, "timeSlots": ["midday", "afternoon"],
                 "contentMix": {"serviceInfo": 50, "citizenAnswers": 25, "participation": 20, "propaganda": 5},
                 "responseTime": "4h", "channels": ["x", "facebook", "instagram"]}"""));
        assertEquals(documentedGoodSetting(), parsed);
    }

    @Test
    void invalidControlsAreRejected() {
        SimulationControls good = documentedGoodSetting();
        List<SimulationControls> invalid = List.of(
                settings(0, good.timeSlots(), 50, 25, 20, 5, "4h", good.channels()),
                settings(36, good.timeSlots(), 50, 25, 20, 5, "4h", good.channels()),
                settings(8, List.of(), 50, 25, 20, 5, "4h", good.channels()),
                settings(8, List.of("midnight"), 50, 25, 20, 5, "4h", good.channels()),
                settings(8, List.of("midday", "midday"), 50, 25, 20, 5, "4h", good.channels()),
                settings(8, good.timeSlots(), 50, 25, 20, 10, "4h", good.channels()),
                settings(8, good.timeSlots(), 52, 23, 20, 5, "4h", good.channels()),
                settings(8, good.timeSlots(), 110, -10, 0, 0, "4h", good.channels()),
                settings(8, good.timeSlots(), 50, 25, 20, 5, "2h", good.channels()),
                settings(8, good.timeSlots(), 50, 25, 20, 5, "4h", List.of("tiktok")),
                new SimulationControls(8, good.timeSlots(), Map.of("serviceInfo", 100), "4h", good.channels()));
        for (SimulationControls controls : invalid) {
            assertThrows(IllegalArgumentException.class, () -> model.run(controls), controls::toString);
        }
        assertThrows(IllegalArgumentException.class, () -> model.controls(JSON.readTree(
                "{\"postsPerWeek\": \"ocho\", \"timeSlots\": [], \"contentMix\": {}, \"responseTime\": \"4h\", \"channels\": []}")));
    }

    @Test
    void theSumErrorTellsTheLearnerWhatIsWrong() {
        SimulationControls wrongSum = settings(8, List.of("midday"), 50, 25, 20, 10, "4h", List.of("x"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> model.validate(wrongSum));
        assertTrue(error.getMessage().contains("sumar 100"), error.getMessage());
    }

    @Test
    void aFileWithoutParametersForAnOptionIsRefused() {
        ObjectNode broken = file.deepCopy();
        ((ObjectNode) broken.get("model").get("channels")).remove("instagram");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> EngagementModel.fromSimulation(broken));
        assertTrue(error.getMessage().contains("instagram"), error.getMessage());
    }
}
