package es.civica.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A branching scenario (FORMAT.md, scenario-*.json): an acyclic graph of {@link Node}s starting at {@code start}.
 * Holds outcomes and scores: the server plays it, the browser only sees the current node's texts.
 *
 * @param id      local id, e.g. {@code u4-sc-alumbrado}
 * @param iri     activity IRI, {@code <unit IRI>/scenario/<id>}
 * @param unit    unit number
 * @param kind    complaint, crisis, strategy, participation, incident or plan
 * @param title   title
 * @param summary Markdown summary
 * @param channel x, facebook, instagram, web, email or meeting: how the player dresses the thread
 * @param source  seed passage it rests on
 * @param metrics metrics the choices move (clamped to min/max)
 * @param rubric  rubric criteria (unit 5's plan scenario); empty when the scenario has no rubric
 * @param start   id of the first node
 * @param nodes   all nodes
 */
public record Scenario(String id, String iri, int unit, String kind, String title, String summary, String channel,
                       Source source, List<Metric> metrics, List<Criterion> rubric, String start, List<Node> nodes) {

    public Scenario {
        metrics = List.copyOf(metrics);
        rubric = List.copyOf(rubric);
        nodes = List.copyOf(nodes);
    }

    public Optional<Node> node(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
    }

    /** Nodes by id. */
    public Map<String, Node> nodesById() {
        return nodes.stream().collect(Collectors.toUnmodifiableMap(Node::id, Function.identity()));
    }

    /**
     * A metric shown while playing.
     *
     * @param unit optional unit shown beside the value (e.g. "min"); empty when absent
     */
    public record Metric(String id, String label, double initial, double min, double max, boolean higherIsBetter,
                         String unit) {

        /** {@code value} clamped to {@code [min, max]}. */
        public double clamp(double value) {
            return Math.max(min, Math.min(max, value));
        }
    }

    /** A rubric criterion: choices award up to {@code maxPoints} points for it. */
    public record Criterion(String id, String label, int maxPoints) {}
}
