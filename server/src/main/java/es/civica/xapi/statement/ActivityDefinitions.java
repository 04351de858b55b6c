package es.civica.xapi.statement;

import static es.civica.db.generated.Tables.ACTIVITY;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import es.civica.db.SingleWriterCache;
import es.civica.db.generated.Routines;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the canonical definition of every activity seen in statements (served by the Activities resource):
 * the latest definition wins property by property, so a later statement that adds a language keeps the others.
 */
final class ActivityDefinitions {
  /** Stored definitions by IRI, as last read (embedded database only; null otherwise). */
  private final SingleWriterCache<String, JsonObject> stored;

  ActivityDefinitions(SingleWriterCache<String, JsonObject> stored) {
    this.stored = stored;
  }

  /**
   * Merges the definitions the statements carry into the stored ones, in the caller's transaction.
   *
   * @return the IRIs whose definition this transaction writes: pass them to {@link #committed} once it commits
   */
  List<String> upsert(DSLContext dsl, List<PreparedStatement> statements) {
    Map<String, JsonObject> definitions = new TreeMap<>();
    for (PreparedStatement s : statements) {
      collect(s.payload(), definitions);
    }
    // Most statements repeat definitions the LRS already holds: those known to be stored cost no query at all, the
    // others are read first (no lock) and only what changes is written, so that concurrent batches about the same
    // activities do not queue on their rows.
    if (stored != null) {
      definitions.entrySet().removeIf(e -> stored.get(e.getKey()).map(known -> covers(known, e.getValue())).orElse(false));
    }
    if (definitions.isEmpty()) {
      return List.of();
    }
    long ticket = stored == null ? 0 : stored.ticket();
    dsl.select(ACTIVITY.ACTIVITY_IRI, ACTIVITY.DEFINITION).from(ACTIVITY)
        .where(ACTIVITY.ACTIVITY_IRI.in(definitions.keySet()))
        .forEach(r -> {
          JsonObject known = new JsonObject(r.value2().data());
          if (stored != null) {
            stored.put(ticket, r.value1(), known);
          }
          if (covers(known, definitions.get(r.value1()))) {
            definitions.remove(r.value1());
          }
        });
    if (definitions.isEmpty()) {
      return List.of();
    }
    List<String> written = new ArrayList<>(definitions.keySet());
    if (stored != null) {
      stored.changed(written);
    }
    OffsetDateTime now = statements.get(statements.size() - 1).stored();
    // TreeMap order: rows are locked in IRI order, so two batches cannot deadlock on each other
    var insert = dsl.insertInto(ACTIVITY, ACTIVITY.ACTIVITY_IRI, ACTIVITY.DEFINITION, ACTIVITY.UPDATED);
    for (var e : definitions.entrySet()) {
      insert = insert.values(e.getKey(), JSONB.valueOf(e.getValue().encode()), now);
    }
    insert.onConflict(ACTIVITY.ACTIVITY_IRI).doUpdate()
        .set(ACTIVITY.DEFINITION, Routines.jsonbDeepMerge(ACTIVITY.DEFINITION, DSL.excluded(ACTIVITY.DEFINITION)))
        .set(ACTIVITY.UPDATED, DSL.excluded(ACTIVITY.UPDATED))
        .execute();
    return written;
  }

  /** After the transaction that wrote these definitions ended (committed or not): see {@link SingleWriterCache}. */
  void committed(List<String> written) {
    if (stored != null && !written.isEmpty()) {
      stored.changed(written);
    }
  }

  private static void collect(JsonObject statement, Map<String, JsonObject> out) {
    JsonObject object = statement.getJsonObject("object");
    if (object != null) {
      String type = object.getString("objectType", "Activity");
      if (type.equals("Activity")) {
        add(object, out);
      } else if (type.equals("SubStatement")) {
        collect(object, out);
      }
    }
    JsonObject context = statement.getJsonObject("context");
    JsonObject contextActivities = context == null ? null : context.getJsonObject("contextActivities");
    if (contextActivities != null) {
      for (String kind : List.of("parent", "grouping", "category", "other")) {
        if (contextActivities.getValue(kind) instanceof JsonArray list) {
          list.forEach(a -> {
            if (a instanceof JsonObject activity) {
              add(activity, out);
            }
          });
        } else if (contextActivities.getValue(kind) instanceof JsonObject activity) {
          add(activity, out);
        }
      }
    }
  }

  /**
   * Whether merging {@code incoming} into {@code known} (deep, as the upsert's jsonb_deep_merge does) would leave it
   * unchanged, checked without building the merge: most statements repeat a definition already stored.
   */
  static boolean covers(JsonObject known, JsonObject incoming) {
    for (String key : incoming.fieldNames()) {
      Object mine = known.getValue(key);
      Object theirs = incoming.getValue(key);
      if (mine instanceof JsonObject m && theirs instanceof JsonObject t) {
        if (!covers(m, t)) {
          return false;
        }
      } else if (!known.containsKey(key) || !StatementEquivalence.values(mine, theirs)) {
        return false;
      }
    }
    return true;
  }

  private static void add(JsonObject activity, Map<String, JsonObject> out) {
    String id = activity.getString("id");
    JsonObject definition = activity.getJsonObject("definition", new JsonObject());
    // the statement's own object is shared, not copied: it is copied only if a second mention must merge into it
    out.merge(id, definition, (older, newer) -> older.copy().mergeIn(newer, true));
  }
}
