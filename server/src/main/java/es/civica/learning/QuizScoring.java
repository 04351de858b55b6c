package es.civica.learning;

import es.civica.content.Item;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores one answer to one item, on the server (DESIGN.md, decision 2). An item is right or wrong as a whole
 * (every option of a multiple-response, every pair, the whole order). Also writes the xAPI interaction definition
 * and the {@code result.response} in the xAPI format of the item's interaction type.
 *
 * <p>Answers as the browser sends them: single-choice and true-false an option id; multiple-response an array of
 * option ids; matching an object source id → target id covering every source; ordering an array of every step id;
 * fill-in a string. Anything else is an {@link IllegalArgumentException} (400).
 */
public final class QuizScoring {
  static final int MAX_FILL_IN = 500;

  private QuizScoring() {
  }

  /**
   * The outcome of an answer.
   *
   * @param correct  whether the item is answered right
   * @param response the answer in xAPI {@code result.response} format
   * @param answer   the answer, normalised, as stored with the attempt
   * @param feedback what the browser may see now that the item is answered: per option / source / step feedback
   *                 and the right answer
   */
  public record Outcome(boolean correct, String response, Object answer, JsonObject feedback) {
  }

  public static Outcome score(Item item, Object given, List<String> order) {
    return switch (item.type()) {
      case SINGLE_CHOICE, TRUE_FALSE -> {
        String id = given instanceof Boolean b ? b.toString() : requireString(given);
        requireOption(item, id);
        yield choices(item, Set.of(id), id, order);
      }
      case MULTIPLE_RESPONSE -> {
        List<String> ids = requireStrings(given);
        if (ids.isEmpty() || new HashSet<>(ids).size() != ids.size()) {
          throw new IllegalArgumentException("choose at least one option, each once");
        }
        ids.forEach(id -> requireOption(item, id));
        yield choices(item, new HashSet<>(ids), new JsonArray(ids), order);
      }
      case MATCHING -> matching(item, given);
      case ORDERING -> ordering(item, given);
      case FILL_IN -> fillIn(item, given);
    };
  }

  private static Outcome choices(Item item, Set<String> chosen, Object answer, List<String> order) {
    Set<String> right = new HashSet<>(item.correctOptionIds());
    boolean correct = right.equals(chosen);
    JsonArray options = new JsonArray();
    for (String id : order) {
      Item.Option o = item.options().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
      options.add(new JsonObject().put("id", o.id()).put("text", o.text()).put("correct", o.correct())
          .put("selected", chosen.contains(o.id())).put("feedback", o.feedback()));
    }
    List<String> sorted = item.options().stream().map(Item.Option::id).filter(chosen::contains).toList();
    return new Outcome(correct, String.join("[,]", sorted), answer,
        new JsonObject().put("correct", correct).put("options", options));
  }

  private static Outcome matching(Item item, Object given) {
    if (!(given instanceof JsonObject map)) {
      throw new IllegalArgumentException("a matching answer is an object source → target");
    }
    Set<String> sources = item.sources().stream().map(Item.MatchSource::id).collect(Collectors.toSet());
    Set<String> targets = item.targets().stream().map(Item.MatchTarget::id).collect(Collectors.toSet());
    if (!map.fieldNames().equals(sources)) {
      throw new IllegalArgumentException("pair every source exactly once");
    }
    Map<String, String> expected = new LinkedHashMap<>();
    item.pairs().forEach(p -> expected.put(p.source(), p.target()));
    boolean correct = true;
    JsonArray rows = new JsonArray();
    List<String> response = new ArrayList<>();
    JsonObject answer = new JsonObject();
    for (Item.MatchSource s : item.sources()) {
      String target = requireString(map.getValue(s.id()));
      if (!targets.contains(target)) {
        throw new IllegalArgumentException("unknown target " + target);
      }
      boolean right = target.equals(expected.get(s.id()));
      correct &= right;
      response.add(s.id() + "[.]" + target);
      answer.put(s.id(), target);
      rows.add(new JsonObject().put("id", s.id()).put("text", s.text())
          .put("given", target).put("givenText", targetText(item, target))
          .put("expected", expected.get(s.id())).put("expectedText", targetText(item, expected.get(s.id())))
          .put("correct", right).put("feedback", s.feedback()));
    }
    return new Outcome(correct, String.join("[,]", response), answer,
        new JsonObject().put("correct", correct).put("sources", rows));
  }

  private static Outcome ordering(Item item, Object given) {
    List<String> ids = requireStrings(given);
    List<String> steps = item.steps().stream().map(Item.Step::id).toList();
    if (ids.size() != steps.size() || !new HashSet<>(ids).equals(new HashSet<>(steps))) {
      throw new IllegalArgumentException("order every step exactly once");
    }
    boolean correct = ids.equals(steps);
    JsonArray rows = new JsonArray();
    for (Item.Step s : item.steps()) {
      rows.add(new JsonObject().put("id", s.id()).put("text", s.text()).put("feedback", s.feedback())
          .put("givenPosition", ids.indexOf(s.id()) + 1));
    }
    return new Outcome(correct, String.join("[,]", ids), new JsonArray(ids),
        new JsonObject().put("correct", correct).put("given", new JsonArray(ids)).put("steps", rows));
  }

  private static Outcome fillIn(Item item, Object given) {
    String text = requireString(given);
    if (text.length() > MAX_FILL_IN) {
      throw new IllegalArgumentException("answer too long");
    }
    boolean correct = item.acceptsAnswer(text);
    return new Outcome(correct, text.strip(), text.strip(), new JsonObject().put("correct", correct)
        .put("given", text.strip())
        .put("feedback", correct ? item.feedbackCorrect() : item.feedbackIncorrect())
        .put("acceptedAnswers", new JsonArray(item.acceptedAnswers())));
  }

  /** The xAPI activity definition of an item (cmi.interaction), with its correct responses pattern. */
  public static JsonObject definition(Item item, String language) {
    JsonObject d = new JsonObject()
        .put("type", "http://adlnet.gov/expapi/activities/cmi.interaction")
        .put("name", new JsonObject().put(language, "Pregunta " + item.id()))
        .put("description", new JsonObject().put(language, item.prompt()))
        .put("interactionType", item.interactionType());
    switch (item.type()) {
      case SINGLE_CHOICE, MULTIPLE_RESPONSE -> {
        d.put("choices", components(item.options().stream().map(o -> Map.entry(o.id(), o.text())).toList(), language));
        d.put("correctResponsesPattern", new JsonArray().add(String.join("[,]", item.correctOptionIds())));
      }
      case TRUE_FALSE -> d.put("correctResponsesPattern", new JsonArray().add(item.correctOptionIds().get(0)));
      case MATCHING -> {
        d.put("source", components(item.sources().stream().map(s -> Map.entry(s.id(), s.text())).toList(), language));
        d.put("target", components(item.targets().stream().map(t -> Map.entry(t.id(), t.text())).toList(), language));
        d.put("correctResponsesPattern", new JsonArray().add(item.pairs().stream()
            .map(p -> p.source() + "[.]" + p.target()).collect(Collectors.joining("[,]"))));
      }
      case ORDERING -> {
        d.put("choices", components(item.steps().stream().map(s -> Map.entry(s.id(), s.text())).toList(), language));
        d.put("correctResponsesPattern", new JsonArray().add(item.steps().stream().map(Item.Step::id)
            .collect(Collectors.joining("[,]"))));
      }
      case FILL_IN -> d.put("correctResponsesPattern", new JsonArray(item.acceptedAnswers().stream()
          .map(a -> "{case_matters=false}" + a).toList()));
      default -> throw new IllegalStateException();
    }
    return d;
  }

  private static JsonArray components(List<Map.Entry<String, String>> entries, String language) {
    JsonArray a = new JsonArray();
    entries.forEach(e -> a.add(new JsonObject().put("id", e.getKey())
        .put("description", new JsonObject().put(language, e.getValue()))));
    return a;
  }

  private static String targetText(Item item, String id) {
    return item.targets().stream().filter(t -> t.id().equals(id)).map(Item.MatchTarget::text).findFirst().orElse("");
  }

  private static void requireOption(Item item, String id) {
    if (item.options().stream().noneMatch(o -> o.id().equals(id))) {
      throw new IllegalArgumentException("unknown option " + id);
    }
  }

  private static String requireString(Object value) {
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("expected a string answer");
    }
    return s;
  }

  private static List<String> requireStrings(Object value) {
    if (!(value instanceof JsonArray array) || array.size() > 50) {
      throw new IllegalArgumentException("expected an array of ids");
    }
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(requireString(v)));
    return out;
  }
}
