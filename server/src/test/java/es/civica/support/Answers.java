package es.civica.support;

import es.civica.content.Item;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The right answer of an item, as the player API takes it (for tests that pass quizzes). */
public final class Answers {
  private Answers() {
  }

  public static Object right(Item item) {
    return switch (item.type()) {
      case SINGLE_CHOICE, TRUE_FALSE -> item.correctOptionIds().get(0);
      case MULTIPLE_RESPONSE -> new JsonArray(item.correctOptionIds());
      case MATCHING -> {
        JsonObject m = new JsonObject();
        item.pairs().forEach(p -> m.put(p.source(), p.target()));
        yield m;
      }
      case ORDERING -> new JsonArray(item.steps().stream().map(Item.Step::id).toList());
      case FILL_IN -> item.acceptedAnswers().get(0);
    };
  }
}
