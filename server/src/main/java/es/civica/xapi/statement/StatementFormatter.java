package es.civica.xapi.statement;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three shapes GET /statements returns a stored statement in (Communication 2.1.3, "format"). Pure functions on
 * copies; the statement passed in is never modified.
 */
public final class StatementFormatter {

  /** The {@code format} query parameter. */
  public enum Format {
    /** As received (the default). */
    EXACT,
    /** Only identifiers: Agents/Groups by IFI, Activities and Verbs by id. */
    IDS,
    /** One language per language map in activity definitions and verb displays. */
    CANONICAL;

    /** Parses the parameter value; it is case-sensitive like every xAPI enumeration. */
    public static Optional<Format> fromParameter(String value) {
      for (Format format : values()) {
        if (format.name().toLowerCase(Locale.ROOT).equals(value)) {
          return Optional.of(format);
        }
      }
      return Optional.empty();
    }
  }

  private static final StatementMapper IDS_MAPPER = new StatementMapper(StatementFormatter::actorIds,
      StatementFormatter::activityIds, verb -> new JsonObject().put("id", verb.getValue("id")));

  private StatementFormatter() {}

  public static JsonObject format(JsonObject statement, Format format, String acceptLanguage) {
    return switch (format) {
      case EXACT -> exact(statement);
      case IDS -> ids(statement);
      case CANONICAL -> canonical(statement, acceptLanguage);
    };
  }

  public static JsonObject exact(JsonObject statement) {
    return statement.copy();
  }

  /**
   * Agents reduced to their IFI (objectType kept when present); identified Groups to objectType and IFI; anonymous
   * Groups to objectType and members, each reduced to its IFI; Activities to their id; Verbs to their id.
   */
  public static JsonObject ids(JsonObject statement) {
    return IDS_MAPPER.map(statement);
  }

  /**
   * Activity names, descriptions and interaction component descriptions, and verb displays, reduced to the one
   * language that best suits {@code acceptLanguage} (may be null: then the first language is kept). Activity
   * definitions are taken as they are in the statement; an LRS that keeps canonical definitions apart swaps them in
   * before calling this.
   */
  public static JsonObject canonical(JsonObject statement, String acceptLanguage) {
    AcceptLanguage languages = AcceptLanguage.parse(acceptLanguage);
    StatementMapper mapper = new StatementMapper(actor -> actor,
        activity -> canonicalActivity(activity, languages),
        verb -> {
          reduce(verb, "display", languages);
          return verb;
        });
    return mapper.map(statement);
  }

  private static JsonObject actorIds(JsonObject actor) {
    JsonObject ids = new JsonObject();
    if (actor.containsKey("objectType")) {
      ids.put("objectType", actor.getValue("objectType"));
    }
    boolean identified = false;
    for (String ifi : ActorRules.IFIS) {
      if (actor.containsKey(ifi)) {
        ids.put(ifi, actor.getValue(ifi));
        identified = true;
      }
    }
    if (!identified && actor.getValue("member") instanceof JsonArray members) {
      JsonArray memberIds = new JsonArray();
      for (int i = 0; i < members.size(); i++) {
        Object member = members.getValue(i);
        memberIds.add(member instanceof JsonObject m ? actorIds(m) : member);
      }
      ids.put("member", memberIds);
    }
    return ids;
  }

  /** Only the id: the suite checks an activity in format=ids has exactly one property. */
  private static JsonObject activityIds(JsonObject activity) {
    return new JsonObject().put("id", activity.getValue("id"));
  }

  private static JsonObject canonicalActivity(JsonObject activity, AcceptLanguage languages) {
    if (activity.getValue("definition") instanceof JsonObject definition) {
      reduce(definition, "name", languages);
      reduce(definition, "description", languages);
      for (String list : List.of("choices", "scale", "source", "target", "steps")) {
        if (definition.getValue(list) instanceof JsonArray components) {
          for (int i = 0; i < components.size(); i++) {
            if (components.getValue(i) instanceof JsonObject component) {
              reduce(component, "description", languages);
            }
          }
        }
      }
    }
    return activity;
  }

  private static void reduce(JsonObject owner, String key, AcceptLanguage languages) {
    if (!(owner.getValue(key) instanceof JsonObject map)) {
      return;
    }
    String chosen = languages.choose(map.fieldNames());
    if (chosen != null) {
      owner.put(key, new JsonObject().put(chosen, map.getValue(chosen)));
    }
  }
}
