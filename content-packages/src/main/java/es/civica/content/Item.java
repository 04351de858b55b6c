package es.civica.content;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * An item of a unit's bank (FORMAT.md, items.json). Only the fields of its {@link ItemType} are filled; the other
 * lists are empty and the other strings empty. Holds the answer key: never send an Item as-is to the browser.
 *
 * @param id                local id, e.g. {@code u4-i07}
 * @param iri               activity IRI, {@code <unit IRI>/item/<id>}
 * @param objective         objective id the item assesses
 * @param type              item type
 * @param interactionType   xAPI interaction type
 * @param prompt            Markdown question
 * @param source            seed passage it rests on
 * @param options           single-choice, multiple-response, true-false: options with their key and feedback
 * @param sources           matching: the left-hand entries, with feedback
 * @param targets           matching: the right-hand entries
 * @param pairs             matching: the correct source → target pairs
 * @param steps             ordering: the steps in the correct order, with feedback
 * @param acceptedAnswers   fill-in: accepted answers
 * @param feedbackCorrect   fill-in: feedback for an accepted answer
 * @param feedbackIncorrect fill-in: feedback for any other answer
 */
public record Item(String id, String iri, String objective, ItemType type, String interactionType, String prompt,
                   Source source, List<Option> options, List<MatchSource> sources, List<MatchTarget> targets,
                   List<Pair> pairs, List<Step> steps, List<String> acceptedAnswers, String feedbackCorrect,
                   String feedbackIncorrect) {

    public Item {
        options = List.copyOf(options);
        sources = List.copyOf(sources);
        targets = List.copyOf(targets);
        pairs = List.copyOf(pairs);
        steps = List.copyOf(steps);
        acceptedAnswers = List.copyOf(acceptedAnswers);
    }

    /** Ids of the correct options (choice and true-false items). */
    public List<String> correctOptionIds() {
        return options.stream().filter(Option::correct).map(Option::id).toList();
    }

    /** Whether a fill-in answer is accepted: compared ignoring case, accents and surrounding spaces. */
    public boolean acceptsAnswer(String answer) {
        String given = normalise(answer == null ? "" : answer);
        return acceptedAnswers.stream().anyMatch(a -> normalise(a).equals(given));
    }

    /** The comparison form of a fill-in answer: trimmed, lower case, without accents, single spaces. */
    public static String normalise(String answer) {
        String decomposed = Normalizer.normalize(answer.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
    }

    /** An answer option; {@code feedback} explains why it is right or wrong. */
    public record Option(String id, String text, boolean correct, String feedback) {}

    /** A matching source (left-hand entry) with its feedback. */
    public record MatchSource(String id, String text, String feedback) {}

    /** A matching target (right-hand entry). */
    public record MatchTarget(String id, String text) {}

    /** A correct matching pair. */
    public record Pair(String source, String target) {}

    /** An ordering step (steps are listed in the correct order) with its feedback. */
    public record Step(String id, String text, String feedback) {}
}
