package es.civica.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node graph of one scenario file, read defensively from its JSON tree (the schema check reports shape errors
 * separately). Checks the graph rules of FORMAT.md: edges to existing nodes, acyclic, every node reachable from
 * {@code start}, routers that always route, and a path that reaches a {@code best} ending, following the router
 * semantics (first route whose {@code minScore} is at most the running path score).
 */
final class ScenarioGraph {

    /** An outgoing edge and the JSON path of the field that declares it. */
    record Edge(String to, String path) {}

    /** Upper bound of (node, score) states explored when playing every path; far above any real scenario. */
    private static final int MAX_STATES = 500_000;

    private final JsonNode scenario;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<String, List<Edge>> edges = new HashMap<>();
    private final List<String> duplicateIds = new ArrayList<>();

    ScenarioGraph(JsonNode scenario) {
        this.scenario = scenario;
        JsonNode nodes = nodes();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String id = node.path("id").asText("");
            if (index.containsKey(id)) {
                duplicateIds.add("$.nodes[" + i + "].id");
                continue;
            }
            index.put(id, i);
            List<Edge> out = new ArrayList<>();
            String type = node.path("type").asText();
            if (type.equals("decision")) {
                JsonNode choices = node.path("choices");
                for (int j = 0; j < choices.size(); j++) {
                    out.add(new Edge(choices.get(j).path("next").asText(""), "$.nodes[" + i + "].choices[" + j + "].next"));
                }
            } else if (type.equals("router")) {
                JsonNode routes = node.path("routes");
                for (int j = 0; j < routes.size(); j++) {
                    out.add(new Edge(routes.get(j).path("next").asText(""), "$.nodes[" + i + "].routes[" + j + "].next"));
                }
            }
            edges.put(id, out);
        }
    }

    private JsonNode nodes() {
        JsonNode nodes = scenario.path("nodes");
        return nodes.isArray() ? nodes : RawJson.EMPTY_ARRAY;
    }

    JsonNode node(String id) {
        Integer i = index.get(id);
        return i == null ? null : nodes().get(i);
    }

    String nodePath(String id) {
        return "$.nodes[" + index.get(id) + "]";
    }

    String type(String id) {
        JsonNode node = node(id);
        return node == null ? "" : node.path("type").asText();
    }

    /** Number of decision nodes. */
    int decisionCount() {
        return (int) index.keySet().stream().filter(id -> type(id).equals("decision")).count();
    }

    /** Ending counts by tier, in the order best, good, poor, bad (tiers absent from the file are left out). */
    Map<String, Integer> endingsByTier() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String tier : List.of("best", "good", "poor", "bad")) {
            int n = (int) index.keySet().stream()
                    .filter(id -> type(id).equals("ending") && node(id).path("tier").asText().equals(tier)).count();
            if (n > 0) {
                counts.put(tier, n);
            }
        }
        return counts;
    }

    int endingCount() {
        return endingsByTier().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Runs every graph check, reporting each defect found. */
    void check(String file, Findings findings) {
        for (String path : duplicateIds) {
            findings.defect(file, path, "duplicate node id within the scenario");
        }
        boolean danglingEdges = false;
        for (Map.Entry<String, List<Edge>> entry : edges.entrySet()) {
            for (Edge edge : entry.getValue()) {
                if (!index.containsKey(edge.to())) {
                    findings.defect(file, edge.path(), "node " + entry.getKey() + " points to missing node \"" + edge.to() + "\"");
                    danglingEdges = true;
                }
            }
        }
        checkChoiceIdsAndRoutes(file, findings);
        String start = scenario.path("start").asText("");
        if (!index.containsKey(start)) {
            findings.defect(file, "$.start", "start node \"" + start + "\" does not exist");
            return;
        }
        boolean cyclic = reportCycles(file, findings);
        Set<String> reachable = reachableFrom(start);
        for (String id : index.keySet()) {
            if (!reachable.contains(id)) {
                findings.defect(file, nodePath(id), "node " + id + " is unreachable from start node " + start);
            }
        }
        if (cyclic || danglingEdges) {
            return; // playing paths needs a well-formed acyclic graph
        }
        play(start, reachable, file, findings);
    }

    private void checkChoiceIdsAndRoutes(String file, Findings findings) {
        for (String id : index.keySet()) {
            JsonNode node = node(id);
            String path = nodePath(id);
            if (type(id).equals("decision")) {
                Set<String> seen = new HashSet<>();
                JsonNode choices = node.path("choices");
                for (int j = 0; j < choices.size(); j++) {
                    String choiceId = choices.get(j).path("id").asText();
                    if (!seen.add(choiceId)) {
                        findings.defect(file, path + ".choices[" + j + "].id",
                                "node " + id + ": duplicate choice id \"" + choiceId + "\"");
                    }
                }
            } else if (type(id).equals("router")) {
                JsonNode routes = node.path("routes");
                for (int j = 1; j < routes.size(); j++) {
                    int previous = routes.get(j - 1).path("minScore").asInt();
                    int current = routes.get(j).path("minScore").asInt();
                    if (current >= previous) {
                        findings.defect(file, path + ".routes[" + j + "].minScore", "router " + id
                                + ": routes must be in descending minScore order (" + current + " after " + previous + ")");
                    }
                }
            }
        }
    }

    private Set<String> reachableFrom(String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (index.containsKey(id) && seen.add(id)) {
                edges.get(id).forEach(edge -> todo.push(edge.to()));
            }
        }
        return seen;
    }

    /** Depth-first search with colours; reports each back edge as a cycle. */
    private boolean reportCycles(String file, Findings findings) {
        Map<String, Integer> colour = new HashMap<>(); // absent = white, 1 = grey, 2 = black
        boolean found = false;
        for (String root : index.keySet()) {
            if (colour.containsKey(root)) {
                continue;
            }
            Deque<String> stack = new ArrayDeque<>();
            Deque<Integer> next = new ArrayDeque<>();
            stack.push(root);
            next.push(0);
            colour.put(root, 1);
            while (!stack.isEmpty()) {
                String id = stack.peek();
                int i = next.pop();
                List<Edge> out = edges.get(id);
                if (i < out.size()) {
                    next.push(i + 1);
                    Edge edge = out.get(i);
                    if (!index.containsKey(edge.to())) {
                        continue;
                    }
                    Integer c = colour.get(edge.to());
                    if (c == null) {
                        colour.put(edge.to(), 1);
                        stack.push(edge.to());
                        next.push(0);
                    } else if (c == 1) {
                        List<String> cycle = new ArrayList<>();
                        for (String onStack : stack) {
                            cycle.add(0, onStack);
                            if (onStack.equals(edge.to())) {
                                break;
                            }
                        }
                        cycle.add(edge.to());
                        findings.defect(file, edge.path(), "cycle: " + String.join(" → ", cycle));
                        found = true;
                    }
                } else {
                    colour.put(id, 2);
                    stack.pop();
                }
            }
        }
        return found;
    }

    /**
     * Plays every path from start with its running score: a router takes its first route whose minScore is at most
     * the score. Reports routers that route nowhere, nodes that no played path reaches and a missing best ending.
     */
    private void play(String start, Set<String> reachable, String file, Findings findings) {
        Set<String> reached = new HashSet<>();
        Set<String> states = new HashSet<>();
        Set<String> reportedRouters = new HashSet<>();
        Deque<String> nodesTodo = new ArrayDeque<>(List.of(start));
        Deque<Integer> scoresTodo = new ArrayDeque<>(List.of(0));
        while (!nodesTodo.isEmpty()) {
            String id = nodesTodo.pop();
            int score = scoresTodo.pop();
            if (!states.add(id + "\u0000" + score)) {
                continue;
            }
            if (states.size() > MAX_STATES) {
                findings.warning(file, "$", "too many paths to play them all; router and best-ending checks incomplete");
                return;
            }
            reached.add(id);
            JsonNode node = node(id);
            switch (type(id)) {
                case "decision" -> {
                    JsonNode choices = node.path("choices");
                    for (JsonNode choice : choices) {
                        nodesTodo.push(choice.path("next").asText());
                        scoresTodo.push(score + choice.path("score").asInt(0));
                    }
                }
                case "router" -> {
                    String target = null;
                    for (JsonNode route : node.path("routes")) {
                        if (route.path("minScore").asInt() <= score) {
                            target = route.path("next").asText();
                            break;
                        }
                    }
                    if (target == null) {
                        if (reportedRouters.add(id)) {
                            findings.defect(file, nodePath(id) + ".routes", "router " + id
                                    + " has no route for a path score of " + score
                                    + ": the last route's minScore must not exceed the lowest reachable score");
                        }
                    } else {
                        nodesTodo.push(target);
                        scoresTodo.push(score);
                    }
                }
                default -> { }
            }
        }
        for (String id : reachable) {
            if (!reached.contains(id)) {
                findings.defect(file, nodePath(id), "node " + id
                        + " is never reached in play: no reachable path score makes a router choose it");
            }
        }
        boolean best = reached.stream().anyMatch(id -> type(id).equals("ending")
                && node(id).path("tier").asText().equals("best"));
        if (!best) {
            findings.defect(file, "$", "no path reaches a best ending");
        }
    }
}
