package es.civica.xapi.statement;

import static es.civica.db.generated.Tables.ACTIVITY;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import es.civica.db.generated.Routines;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the canonical definition of every activity seen in statements (served by the Activities resource):
 * the latest definition wins property by property, so a later statement that adds a language keeps the others.
 */
final class ActivityDefinitions {
  private ActivityDefinitions() {
  }

  static void upsert(DSLContext dsl, List<PreparedStatement> statements) {
    Map<String, JsonObject> definitions = new TreeMap<>();
    OffsetDateTime now = statements.get(statements.size() - 1).stored();
    for (PreparedStatement s : statements) {
      collect(s.payload(), definitions);
    }
    if (definitions.isEmpty()) {
      return;
    }
    // Most statements repeat definitions the LRS already holds: read first (no lock), write only what changes,
    // so concurrent batches about the same activities do not queue on their rows.
    dsl.select(ACTIVITY.ACTIVITY_IRI, ACTIVITY.DEFINITION).from(ACTIVITY)
        .where(ACTIVITY.ACTIVITY_IRI.in(definitions.keySet()))
        .forEach(r -> {
          JsonObject known = new JsonObject(r.value2().data());
          if (known.copy().mergeIn(definitions.get(r.value1()), true).equals(known)) {
            definitions.remove(r.value1());
          }
        });
    if (definitions.isEmpty()) {
      return;
    }
    // TreeMap order: rows are locked in IRI order, so two batches cannot deadlock on each other
    var insert = dsl.insertInto(ACTIVITY, ACTIVITY.ACTIVITY_IRI, ACTIVITY.DEFINITION, ACTIVITY.UPDATED);
    for (var e : definitions.entrySet()) {
      insert = insert.values(e.getKey(), JSONB.valueOf(e.getValue().encode()), now);
    }
    insert.onConflict(ACTIVITY.ACTIVITY_IRI).doUpdate()
        .set(ACTIVITY.DEFINITION, Routines.jsonbDeepMerge(ACTIVITY.DEFINITION, DSL.excluded(ACTIVITY.DEFINITION)))
        .set(ACTIVITY.UPDATED, DSL.excluded(ACTIVITY.UPDATED))
        .execute();
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

  private static void add(JsonObject activity, Map<String, JsonObject> out) {
    String id = activity.getString("id");
    JsonObject definition = activity.getJsonObject("definition", new JsonObject());
    out.merge(id, definition.copy(), (older, newer) -> older.mergeIn(newer, true));
  }
}
