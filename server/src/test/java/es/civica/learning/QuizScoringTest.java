package es.civica.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.content.ContentLoader;
import es.civica.content.Course;
import es.civica.content.Item;
import es.civica.content.ItemType;
import es.civica.content.LearnerViews;
import es.civica.content.Node;
import es.civica.content.Scenario;
import es.civica.content.Unit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

class QuizScoringTest {
  private static Course course;

  @BeforeAll
  static void load() {
    course = ContentLoader.fromClasspath();
  }

  @Test
  @DisplayName("every item of every unit: the key scores right, a wrong answer scores wrong, and the xAPI response "
      + "of the right answer is the definition's correct responses pattern")
  void everyItemScoresItsKey() {
    Random random = new Random(7);
    for (Unit unit : course.units()) {
      for (Item item : unit.items()) {
        List<String> order = LearnerViews.drawOrder(item, random);
        QuizScoring.Outcome right = QuizScoring.score(item, PlayerApiTest.right(item), order);
        assertTrue(right.correct(), item.id());
        QuizScoring.Outcome wrong = QuizScoring.score(item, PlayerApiTest.wrong(item), order);
        assertFalse(wrong.correct(), item.id());
        JsonObject definition = QuizScoring.definition(item, "es");
        assertEquals(item.interactionType(), definition.getString("interactionType"));
        if (item.type() != ItemType.FILL_IN) {
          assertEquals(definition.getJsonArray("correctResponsesPattern").getString(0), right.response(), item.id());
        }
        // re-scoring the stored answer gives the same outcome (resume shows the same feedback)
        assertEquals(right.feedback(), QuizScoring.score(item, right.answer(), order).feedback(), item.id());
      }
    }
  }

  @Test
  @DisplayName("fill-in answers are compared ignoring case, accents and surrounding spaces")
  void fillInIgnoresCaseAndAccents() {
    Item item = course.units().stream().flatMap(u -> u.items().stream())
        .filter(i -> i.type() == ItemType.FILL_IN && i.acceptedAnswers().get(0).matches(".*[áéíóúÁÉÍÓÚ].*"))
        .findFirst().orElseGet(() -> course.units().stream().flatMap(u -> u.items().stream())
            .filter(i -> i.type() == ItemType.FILL_IN).findFirst().orElseThrow());
    String accepted = item.acceptedAnswers().get(0);
    assertTrue(QuizScoring.score(item, "  " + Item.normalise(accepted).toUpperCase() + "  ", List.of()).correct());
    assertTrue(QuizScoring.score(item, accepted, List.of()).correct());
    assertFalse(QuizScoring.score(item, accepted + " no", List.of()).correct());
  }

  @Test
  @DisplayName("malformed answers are refused: unknown option, repeated option, incomplete matching or ordering")
  void malformedAnswersAreRefused() {
    Unit unit = course.units().get(0);
    for (Item item : unit.items()) {
      switch (item.type()) {
        case SINGLE_CHOICE, TRUE_FALSE -> assertThrows(IllegalArgumentException.class,
            () -> QuizScoring.score(item, "zz", List.of()));
        case MULTIPLE_RESPONSE -> {
          String id = item.options().get(0).id();
          assertThrows(IllegalArgumentException.class,
              () -> QuizScoring.score(item, new JsonArray().add(id).add(id), List.of()));
          assertThrows(IllegalArgumentException.class, () -> QuizScoring.score(item, new JsonArray(), List.of()));
        }
        case MATCHING -> assertThrows(IllegalArgumentException.class,
            () -> QuizScoring.score(item, new JsonObject().put(item.sources().get(0).id(),
                item.targets().get(0).id()), List.of()));
        case ORDERING -> assertThrows(IllegalArgumentException.class,
            () -> QuizScoring.score(item, new JsonArray().add(item.steps().get(0).id()), List.of()));
        case FILL_IN -> assertThrows(IllegalArgumentException.class,
            () -> QuizScoring.score(item, new JsonArray(), List.of()));
      }
    }
  }

  @Test
  @DisplayName("scenario effects are clamped to each metric's range and routers follow the path score")
  void scenarioEffectsAreClamped() {
    for (Unit unit : course.units()) {
      for (Scenario scenario : unit.scenarios()) {
        ScenarioEngine.State state = ScenarioEngine.start(scenario);
        // always take the last choice: every metric stays within its range, and the play ends at an ending
        while (scenario.node(state.node()).orElseThrow() instanceof Node.Decision d) {
          ScenarioEngine.Step step = ScenarioEngine.choose(scenario, state, d.id(), d.choices().get(d.choices().size() - 1).id());
          state = step.after();
          for (Scenario.Metric m : scenario.metrics()) {
            double v = state.metrics().get(m.id());
            assertTrue(v >= m.min() && v <= m.max(), scenario.id() + " " + m.id() + " = " + v);
          }
        }
        assertTrue(scenario.node(state.node()).orElseThrow() instanceof Node.Ending, scenario.id());
        ScenarioEngine.State ended = state;
        assertThrows(IllegalStateException.class, () -> ScenarioEngine.choose(scenario, ended, ended.node(), "a"));
      }
    }
  }
}
