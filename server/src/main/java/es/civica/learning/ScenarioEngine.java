package es.civica.learning;

import es.civica.content.Choice;
import es.civica.content.Node;
import es.civica.content.Scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plays a branching scenario on the server: applies a choice's effects (clamped to each metric's range), adds its
 * score to the path score, follows routers by path score, and stops at an ending. Pure: no I/O.
 */
public final class ScenarioEngine {
  private ScenarioEngine() {
  }

  /**
   * Where a play stands.
   *
   * @param node    id of the current node: a decision or an ending (never a router)
   * @param metrics metric id → current value
   * @param score   running path score
   */
  public record State(String node, Map<String, Double> metrics, int score) {
    public State {
      metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
  }

  /**
   * One decision taken.
   *
   * @param changes metric id → actual change after clamping
   */
  public record Step(String node, Choice choice, Map<String, Double> changes, State after) {
  }

  public static State start(Scenario scenario) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    scenario.metrics().forEach(m -> metrics.put(m.id(), m.initial()));
    return new State(follow(scenario, scenario.start(), 0), metrics, 0);
  }

  /** Takes choice {@code choiceId} at the current node; refuses a node that is not the current one. */
  public static Step choose(Scenario scenario, State state, String nodeId, String choiceId) {
    if (!state.node().equals(nodeId)) {
      throw new IllegalStateException("node " + nodeId + " is not the current node");
    }
    if (!(scenario.node(nodeId).orElseThrow() instanceof Node.Decision decision)) {
      throw new IllegalStateException("the scenario has ended");
    }
    Choice choice = decision.choice(choiceId)
        .orElseThrow(() -> new IllegalArgumentException("no choice " + choiceId + " at node " + nodeId));
    Map<String, Double> metrics = new LinkedHashMap<>(state.metrics());
    Map<String, Double> changes = new LinkedHashMap<>();
    for (Scenario.Metric m : scenario.metrics()) {
      Double effect = choice.effects().get(m.id());
      if (effect != null) {
        double before = metrics.get(m.id());
        double after = m.clamp(before + effect);
        metrics.put(m.id(), after);
        changes.put(m.id(), after - before);
      }
    }
    int score = state.score() + choice.score();
    return new Step(nodeId, choice, changes, new State(follow(scenario, choice.next(), score), metrics, score));
  }

  public static boolean ended(Scenario scenario, State state) {
    return scenario.node(state.node()).orElseThrow() instanceof Node.Ending;
  }

  /** Follows routers from {@code nodeId} to the first decision or ending. */
  private static String follow(Scenario scenario, String nodeId, int score) {
    String current = nodeId;
    for (int guard = 0; guard < 1000; guard++) {
      Node node = scenario.node(current).orElseThrow(() -> new IllegalStateException("missing node"));
      if (node instanceof Node.Router router) {
        current = router.next(score).orElseThrow(() -> new IllegalStateException("router does not route"));
      } else {
        return current;
      }
    }
    throw new IllegalStateException("router loop");
  }
}
