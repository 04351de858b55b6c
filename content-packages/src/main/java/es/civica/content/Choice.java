package es.civica.content;

import java.util.Map;

/**
 * A choice of a decision node.
 *
 * @param id       id, unique within its node
 * @param text     what the learner does or replies
 * @param next     id of the next node
 * @param effects  metric id → change (the result is clamped to the metric's min/max)
 * @param score    added to the running path score; may be negative
 * @param feedback why this works or not
 * @param rubric   rubric criterion id → points (empty unless the scenario has a rubric)
 */
public record Choice(String id, String text, String next, Map<String, Double> effects, int score, String feedback,
                     Map<String, Integer> rubric) {
    public Choice {
        effects = Map.copyOf(effects);
        rubric = Map.copyOf(rubric);
    }
}
