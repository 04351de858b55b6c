package es.civica.content;

import java.util.List;
import java.util.Optional;

/** A scenario node: a {@link Decision}, a {@link Router} or an {@link Ending}. */
public sealed interface Node permits Node.Decision, Node.Router, Node.Ending {

    String id();

    /**
     * The learner chooses one of 2–4 choices.
     *
     * @param situation Markdown: what is happening
     * @param thread    social-network posts shown with the situation (may be empty)
     */
    record Decision(String id, String situation, List<Post> thread, List<Choice> choices) implements Node {
        public Decision {
            thread = List.copyOf(thread);
            choices = List.copyOf(choices);
        }

        public Optional<Choice> choice(String choiceId) {
            return choices.stream().filter(c -> c.id().equals(choiceId)).findFirst();
        }
    }

    /** Sends the learner on by path score: the first route whose {@code minScore} is at most the score. */
    record Router(String id, List<Route> routes) implements Node {
        public Router {
            routes = List.copyOf(routes);
        }

        /** The next node for a path score (validated content always has one). */
        public Optional<String> next(int pathScore) {
            return routes.stream().filter(r -> r.minScore() <= pathScore).map(Route::next).findFirst();
        }
    }

    /**
     * Where a path ends.
     *
     * @param tier      best, good, poor or bad
     * @param text      Markdown: what a good professional would have done and why
     * @param lessonRef the lesson section id it cites
     */
    record Ending(String id, Tier tier, String title, String text, String lessonRef) implements Node {}

    /** A router route. */
    record Route(int minScore, String next) {}

    /**
     * A message of the thread shown with a decision.
     *
     * @param handle     e.g. {@code @anaperez_vecina}; empty when absent
     * @param minutesAgo minutes before the situation; null when absent
     * @param reactions  reaction counts; null when absent
     */
    record Post(String author, String handle, String text, Integer minutesAgo, Reactions reactions) {}

    record Reactions(int likes, int replies, int shares) {}

    /** Ending tiers, best first. */
    enum Tier {
        BEST, GOOD, POOR, BAD;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Tier fromJson(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
