package es.civica.gamification;

import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where recently recomputed learners stand in the rules, so that the next recompute applies only their new statements
 * instead of reading and replaying their whole history (which made each statement cost more as a learner's history
 * grew). An entry is used only when the learner's current statement ids still begin with exactly the ids it was
 * computed from: a voided statement or one committed late with a lower id breaks that, and the learner is replayed
 * in full, so the result is always the full replay's. Least recently used entries go first.
 */
final class LearnerProgressCache {

  /** The statement ids a progress was computed from, the progress after them, and the actor of the last one. */
  record Known(long[] ids, RuleEngine.Progress progress, JsonObject lastActor) {

    /** Whether {@code current} (ascending ids) is these ids followed by newer ones only. */
    boolean isPrefixOf(long[] current) {
      return ids.length <= current.length && Arrays.equals(ids, 0, ids.length, current, 0, ids.length);
    }
  }

  private final Map<String, Known> entries;

  LearnerProgressCache(int maxLearners) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
        return size() > maxLearners;
      }
    };
  }

  synchronized Known get(String ifi) {
    return entries.get(ifi);
  }

  synchronized void putAll(Map<String, Known> known) {
    entries.putAll(known);
  }

  synchronized void clear() {
    entries.clear();
  }
}
