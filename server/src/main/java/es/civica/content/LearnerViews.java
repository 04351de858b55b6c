package es.civica.content;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The learner-safe JSON of the course (DESIGN.md, decision 2): what the browser may see. Quiz items go out without
 * their key or feedback, scenario nodes without next nodes, effects, scores or tiers. Every method builds a fresh
 * JsonObject from the records, field by field, so nothing is sent by accident.
 */
public final class LearnerViews {
  private LearnerViews() {
  }

  /** The catalogue: every unit with its title, summary, minutes, objectives and lesson titles. */
  public static JsonObject course(Course course) {
    JsonArray units = new JsonArray();
    course.units().forEach(u -> units.add(unitSummary(u)));
    return new JsonObject()
        .put("id", course.id())
        .put("title", course.title())
        .put("summary", course.summary())
        .put("language", course.language())
        .put("certificateHours", course.certificateHours())
        .put("units", units);
  }

  /** A unit as the catalogue and the unit page show it. */
  public static JsonObject unitSummary(Unit unit) {
    JsonArray objectives = new JsonArray();
    unit.objectives().forEach(o -> objectives.add(new JsonObject().put("id", o.id()).put("text", o.text())));
    JsonArray lessons = new JsonArray();
    for (Lesson l : unit.lessons()) {
      JsonArray sections = new JsonArray();
      l.sections().forEach(s -> sections.add(new JsonObject().put("id", s.id()).put("title", s.title())));
      lessons.add(new JsonObject().put("id", l.id()).put("title", l.title()).put("sections", sections));
    }
    JsonArray scenarios = new JsonArray();
    unit.scenarios().forEach(s -> scenarios.add(new JsonObject().put("id", s.id()).put("title", s.title())
        .put("summary", s.summary()).put("kind", s.kind()).put("channel", s.channel())));
    JsonArray simulations = new JsonArray();
    unit.simulations().forEach(s -> simulations.add(new JsonObject().put("id", s.id()).put("title", s.title())));
    return new JsonObject()
        .put("id", unit.id())
        .put("number", unit.number())
        .put("title", unit.title())
        .put("summary", unit.summary())
        .put("estimatedMinutes", unit.estimatedMinutes())
        .put("objectives", objectives)
        .put("lessons", lessons)
        .put("scenarios", scenarios)
        .put("simulations", simulations)
        .put("quiz", new JsonObject()
            .put("id", unit.quiz().id())
            .put("length", unit.quiz().length())
            .put("passMark", unit.quiz().passMark())
            .put("maxAttempts", unit.quiz().maxAttempts()));
  }

  /** A lesson with its sections' Markdown. */
  public static JsonObject lesson(Unit unit, Lesson lesson) {
    JsonArray sections = new JsonArray();
    for (Section s : lesson.sections()) {
      sections.add(new JsonObject()
          .put("id", s.id())
          .put("title", s.title())
          .put("body", s.body())
          .put("objectives", new JsonArray(s.objectives()))
          .put("source", new JsonObject().put("seed", s.source().seed())));
    }
    return new JsonObject()
        .put("unit", unit.number())
        .put("id", lesson.id())
        .put("title", lesson.title())
        .put("sections", sections);
  }

  /**
   * The display order of an item's options, sources' targets or steps for one attempt: shuffled; for ordering
   * items never the correct order (when there is more than one step).
   */
  public static List<String> drawOrder(Item item, Random random) {
    List<String> ids = new ArrayList<>();
    switch (item.type()) {
      case SINGLE_CHOICE, MULTIPLE_RESPONSE -> item.options().forEach(o -> ids.add(o.id()));
      case TRUE_FALSE -> {
        item.options().forEach(o -> ids.add(o.id()));
        ids.sort(Comparator.trueFirst());
        return ids;
      }
      case MATCHING -> item.targets().forEach(t -> ids.add(t.id()));
      case ORDERING -> item.steps().forEach(s -> ids.add(s.id()));
      case FILL_IN -> {
        return ids;
      }
      default -> throw new IllegalStateException();
    }
    List<String> correct = List.copyOf(ids);
    Collections.shuffle(ids, random);
    if (item.type() == ItemType.ORDERING && ids.size() > 1) {
      while (ids.equals(correct)) {
        Collections.shuffle(ids, random);
      }
    }
    return ids;
  }

  /** A quiz item as the browser may see it before answering: no key, no feedback. */
  public static JsonObject item(Item item, List<String> order) {
    JsonObject json = new JsonObject()
        .put("id", item.id())
        .put("type", item.type().json())
        .put("prompt", item.prompt());
    switch (item.type()) {
      case SINGLE_CHOICE, MULTIPLE_RESPONSE, TRUE_FALSE -> {
        JsonArray options = new JsonArray();
        for (String id : order) {
          item.options().stream().filter(o -> o.id().equals(id)).findFirst()
              .ifPresent(o -> options.add(new JsonObject().put("id", o.id()).put("text", o.text())));
        }
        json.put("options", options);
      }
      case MATCHING -> {
        JsonArray sources = new JsonArray();
        item.sources().forEach(s -> sources.add(new JsonObject().put("id", s.id()).put("text", s.text())));
        JsonArray targets = new JsonArray();
        for (String id : order) {
          item.targets().stream().filter(t -> t.id().equals(id)).findFirst()
              .ifPresent(t -> targets.add(new JsonObject().put("id", t.id()).put("text", t.text())));
        }
        json.put("sources", sources).put("targets", targets);
      }
      case ORDERING -> {
        JsonArray steps = new JsonArray();
        for (String id : order) {
          item.steps().stream().filter(s -> s.id().equals(id)).findFirst()
              .ifPresent(s -> steps.add(new JsonObject().put("id", s.id()).put("text", s.text())));
        }
        json.put("steps", steps);
      }
      case FILL_IN -> {
        // only the prompt
      }
      default -> throw new IllegalStateException();
    }
    return json;
  }

  /** A scenario's front page: title, summary, channel and the metrics with their ranges. */
  public static JsonObject scenario(Scenario scenario) {
    JsonArray metrics = new JsonArray();
    for (Scenario.Metric m : scenario.metrics()) {
      metrics.add(new JsonObject().put("id", m.id()).put("label", m.label()).put("min", m.min()).put("max", m.max())
          .put("higherIsBetter", m.higherIsBetter()).put("unit", m.unit()));
    }
    return new JsonObject()
        .put("id", scenario.id())
        .put("title", scenario.title())
        .put("summary", scenario.summary())
        .put("kind", scenario.kind())
        .put("channel", scenario.channel())
        .put("metrics", metrics);
  }

  /** A decision node as the browser may see it: the situation, the thread and the choices' texts only. */
  public static JsonObject decision(Node.Decision node) {
    JsonArray thread = new JsonArray();
    for (Node.Post p : node.thread()) {
      JsonObject post = new JsonObject().put("author", p.author()).put("handle", p.handle()).put("text", p.text());
      if (p.minutesAgo() != null) {
        post.put("minutesAgo", p.minutesAgo());
      }
      if (p.reactions() != null) {
        post.put("reactions", new JsonObject().put("likes", p.reactions().likes())
            .put("replies", p.reactions().replies()).put("shares", p.reactions().shares()));
      }
      thread.add(post);
    }
    JsonArray choices = new JsonArray();
    node.choices().forEach(c -> choices.add(new JsonObject().put("id", c.id()).put("text", c.text())));
    return new JsonObject()
        .put("id", node.id())
        .put("type", "decision")
        .put("situation", node.situation())
        .put("thread", thread)
        .put("choices", choices);
  }

  /** An ending, once reached: its tier and explanation, with the cited lesson section. */
  public static JsonObject ending(Unit unit, Course course, Node.Ending ending) {
    JsonObject json = new JsonObject()
        .put("id", ending.id())
        .put("type", "ending")
        .put("tier", ending.tier().json())
        .put("title", ending.title())
        .put("text", ending.text());
    for (Unit u : course.units()) {
      for (Lesson l : u.lessons()) {
        for (Section s : l.sections()) {
          if (s.id().equals(ending.lessonRef())) {
            json.put("lessonRef", new JsonObject().put("unit", u.number()).put("lesson", l.id())
                .put("section", s.id()).put("sectionIndex", l.sections().indexOf(s)).put("title", s.title()));
          }
        }
      }
    }
    return json;
  }

  /** Orders true before false. */
  private static final class Comparator {
    static java.util.Comparator<String> trueFirst() {
      return java.util.Comparator.comparing(id -> !"true".equals(id));
    }
  }
}
