package es.civica.content;

import static es.civica.content.RawJson.array;
import static es.civica.content.RawJson.text;
import static es.civica.content.RawJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import es.civica.content.RawContent.RawFile;
import es.civica.content.RawContent.RawUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns validated JSON trees into the immutable model. Only called on content without defects. */
final class CourseMapper {

    private CourseMapper() {}

    static Course map(RawContent raw) {
        JsonNode course = raw.course.json();
        String courseId = text(course, "id");
        List<Unit> units = new ArrayList<>();
        for (RawUnit unit : raw.units) {
            units.add(unit(unit, courseId));
        }
        Map<String, Map<String, String>> messages = new LinkedHashMap<>();
        raw.i18n.forEach((lang, file) -> {
            Map<String, String> strings = new LinkedHashMap<>();
            file.json().fields().forEachRemaining(e -> strings.put(e.getKey(), e.getValue().asText()));
            messages.put(lang, strings);
        });
        return new Course(courseId, text(course, "title"), text(course, "summary"), text(course, "language"),
                course.path("certificateHours").asInt(), units, new Messages(messages),
                raw.gamification == null ? null : GamificationRules.fromJson(raw.gamification.json()));
    }

    private static Unit unit(RawUnit raw, String courseId) {
        JsonNode json = raw.unit().json();
        int number = json.path("number").asInt();
        String unitIri = text(json, "id");
        List<Objective> objectives = list(array(json, "objectives"), o -> new Objective(text(o, "id"), text(o, "text")));
        List<Lesson> lessons = list(array(json, "lessons"), l -> new Lesson(text(l, "id"),
                unitIri + "/lesson/" + text(l, "id"), text(l, "title"),
                list(array(l, "sections"), s -> new Section(text(s, "id"), text(s, "title"), text(s, "body"),
                        texts(s, "objectives"), source(s)))));
        JsonNode quiz = json.path("quiz");
        QuizRule quizRule = new QuizRule(text(quiz, "id"), unitIri + "/quiz/" + text(quiz, "id"),
                list(array(quiz, "draw"), d -> new QuizRule.Draw(text(d, "objective"), d.path("count").asInt())),
                quiz.path("passMark").asDouble(), quiz.path("maxAttempts").asInt());
        List<Item> items = list(array(raw.items().json(), "items"), i -> item(i, unitIri));
        List<Scenario> scenarios = new ArrayList<>();
        for (String id : texts(json, "scenarios")) {
            raw.scenarios().stream().filter(f -> text(f.json(), "id").equals(id)).findFirst()
                    .ifPresent(f -> scenarios.add(scenario(f, unitIri)));
        }
        List<Simulation> simulations = new ArrayList<>();
        for (String id : texts(json, "simulations")) {
            raw.simulations().stream().filter(f -> text(f.json(), "id").equals(id)).findFirst()
                    .ifPresent(f -> simulations.add(simulation(f, unitIri)));
        }
        return new Unit(unitIri, number, text(json, "slug"), raw.folder(), text(json, "title"), text(json, "summary"),
                json.path("estimatedMinutes").asInt(), objectives, lessons, quizRule, items, scenarios, simulations);
    }

    private static Item item(JsonNode json, String unitIri) {
        String id = text(json, "id");
        return new Item(id, unitIri + "/item/" + id, text(json, "objective"), ItemType.fromJson(text(json, "type")),
                text(json, "interactionType"), text(json, "prompt"), source(json),
                list(array(json, "options"), o -> new Item.Option(text(o, "id"), text(o, "text"),
                        o.path("correct").asBoolean(), text(o, "feedback"))),
                list(array(json, "sources"), s -> new Item.MatchSource(text(s, "id"), text(s, "text"), text(s, "feedback"))),
                list(array(json, "targets"), t -> new Item.MatchTarget(text(t, "id"), text(t, "text"))),
                list(array(json, "pairs"), p -> new Item.Pair(text(p, "source"), text(p, "target"))),
                list(array(json, "steps"), s -> new Item.Step(text(s, "id"), text(s, "text"), text(s, "feedback"))),
                texts(json, "acceptedAnswers"), text(json, "feedbackCorrect"), text(json, "feedbackIncorrect"));
    }

    private static Scenario scenario(RawFile file, String unitIri) {
        JsonNode json = file.json();
        String id = text(json, "id");
        List<Scenario.Metric> metrics = list(array(json, "metrics"), m -> new Scenario.Metric(text(m, "id"),
                text(m, "label"), m.path("initial").asDouble(), m.path("min").asDouble(), m.path("max").asDouble(),
                m.path("higherIsBetter").asBoolean(), text(m, "unit")));
        List<Scenario.Criterion> rubric = list(array(json.path("rubric"), "criteria"),
                c -> new Scenario.Criterion(text(c, "id"), text(c, "label"), c.path("maxPoints").asInt()));
        List<Node> nodes = list(array(json, "nodes"), CourseMapper::node);
        return new Scenario(id, unitIri + "/scenario/" + id, json.path("unit").asInt(), text(json, "kind"),
                text(json, "title"), text(json, "summary"), text(json, "channel"), source(json), metrics, rubric,
                text(json, "start"), nodes);
    }

    private static Node node(JsonNode json) {
        String id = text(json, "id");
        return switch (text(json, "type")) {
            case "decision" -> new Node.Decision(id, text(json, "situation"),
                    list(array(json, "thread"), CourseMapper::post),
                    list(array(json, "choices"), CourseMapper::choice));
            case "router" -> new Node.Router(id, list(array(json, "routes"),
                    r -> new Node.Route(r.path("minScore").asInt(), text(r, "next"))));
            default -> new Node.Ending(id, Node.Tier.fromJson(text(json, "tier")), text(json, "title"),
                    text(json, "text"), text(json, "lessonRef"));
        };
    }

    private static Node.Post post(JsonNode json) {
        JsonNode reactions = json.get("reactions");
        return new Node.Post(text(json, "author"), text(json, "handle"), text(json, "text"),
                json.has("minutesAgo") ? json.path("minutesAgo").asInt() : null,
                reactions == null ? null : new Node.Reactions(reactions.path("likes").asInt(),
                        reactions.path("replies").asInt(), reactions.path("shares").asInt()));
    }

    private static Choice choice(JsonNode json) {
        Map<String, Double> effects = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("effects").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            effects.put(e.getKey(), e.getValue().asDouble());
        }
        Map<String, Integer> rubric = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("rubric").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            rubric.put(e.getKey(), e.getValue().asInt());
        }
        return new Choice(text(json, "id"), text(json, "text"), text(json, "next"), effects,
                json.path("score").asInt(), text(json, "feedback"), rubric);
    }

    private static Simulation simulation(RawFile file, String unitIri) {
        JsonNode json = file.json().deepCopy();
        String id = text(json, "id");
        List<Simulation.Control> controls = list(array(json, "controls"),
                c -> new Simulation.Control(text(c, "id"), text(c, "label"), text(c, "type"), c));
        return new Simulation(id, unitIri + "/simulation/" + id, json.path("unit").asInt(), text(json, "title"),
                text(json, "intro"), json.path("seed").asLong(), json.path("weeks").asInt(), controls,
                json.path("model"), json.path("target"), json.path("debrief"), json);
    }

    private static Source source(JsonNode owner) {
        JsonNode source = owner.path("source");
        return new Source(text(source, "seed"), text(source, "passage"));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> mapper) {
        List<T> out = new ArrayList<>();
        array.forEach(element -> out.add(mapper.apply(element)));
        return out;
    }
}
