package es.civica.content;

import java.util.List;

/**
 * The end-of-unit quiz: for each objective, {@code count} items drawn at random from the bank.
 *
 * @param id          local id, e.g. {@code u4-quiz}
 * @param iri         activity IRI, {@code <unit IRI>/quiz/<id>}
 * @param draw        items to draw per objective
 * @param passMark    scaled score (0–1) needed to pass
 * @param maxAttempts attempts allowed
 */
public record QuizRule(String id, String iri, List<Draw> draw, double passMark, int maxAttempts) {

    public QuizRule {
        draw = List.copyOf(draw);
    }

    /** Number of items in one quiz attempt. */
    public int length() {
        return draw.stream().mapToInt(Draw::count).sum();
    }

    /** Draw {@code count} items of objective {@code objective}. */
    public record Draw(String objective, int count) {}
}
