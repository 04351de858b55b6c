package es.civica.learning;

import es.civica.content.Scenario;

import java.util.ArrayList;
import java.util.List;

/** What other features' tests borrow from the player's tests. */
public final class PlayerTestAccess {
  private PlayerTestAccess() {
  }

  /** Choices leading from the start of a scenario to a best ending: ["n1:a", …]. */
  public static List<String> bestPath(Scenario scenario) {
    return PlayerApiTest.bestPath(scenario, ScenarioEngine.start(scenario), new ArrayList<>());
  }
}
