package es.civica.xapi.statement;

import es.civica.xapi.AgentIdentity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a statement names, flattened into index rows so every GET filter is an index lookup
 * (the lrsql statement_to_actor / statement_to_activity design).
 * Actor usages {@code actor} and {@code object} answer the plain {@code agent} filter; every other usage only
 * answers it with {@code related_agents=true}. Activity usage {@code object} answers the plain {@code activity}
 * filter; the others only with {@code related_activities=true}. Members of a group are indexed with the usage of
 * their group.
 */
public record StatementIndexEntries(Set<Entry> actors, Set<Entry> activities, List<String> referencedStatementIds) {

  /** One index row: the actor IFI or activity IRI, and where the statement names it. */
  public record Entry(String key, String usage) {
  }

  public static final Set<String> DIRECT_ACTOR_USAGES = Set.of("actor", "object");
  public static final Set<String> DIRECT_ACTIVITY_USAGES = Set.of("object");

  public static StatementIndexEntries of(JsonObject statement) {
    Set<Entry> actors = new LinkedHashSet<>();
    Set<Entry> activities = new LinkedHashSet<>();
    List<String> refs = new ArrayList<>();
    collect(statement, "", actors, activities, refs);
    addActor(statement.getJsonObject("authority"), "authority", actors);
    return new StatementIndexEntries(actors, activities, refs);
  }

  private static void collect(JsonObject s, String prefix, Set<Entry> actors, Set<Entry> activities, List<String> refs) {
    addActor(s.getJsonObject("actor"), prefix + "actor", actors);
    JsonObject object = s.getJsonObject("object");
    if (object != null) {
      String type = object.getString("objectType", "Activity");
      switch (type) {
        case "Agent", "Group" -> addActor(object, prefix + "object", actors);
        case "StatementRef" -> {
          if (prefix.isEmpty()) {
            refs.add(object.getString("id"));
          }
        }
        case "SubStatement" -> collect(object, "sub_", actors, activities, refs);
        default -> activities.add(new Entry(object.getString("id"), prefix + "object"));
      }
    }
    JsonObject context = s.getJsonObject("context");
    if (context != null) {
      addActor(context.getJsonObject("instructor"), prefix + "instructor", actors);
      addActor(context.getJsonObject("team"), prefix + "team", actors);
      JsonObject contextActivities = context.getJsonObject("contextActivities");
      if (contextActivities != null) {
        for (String kind : List.of("parent", "grouping", "category", "other")) {
          Object value = contextActivities.getValue(kind);
          if (value instanceof JsonObject single) {
            activities.add(new Entry(single.getString("id"), prefix + kind));
          } else if (value instanceof JsonArray many) {
            for (Object a : many) {
              if (a instanceof JsonObject activity) {
                activities.add(new Entry(activity.getString("id"), prefix + kind));
              }
            }
          }
        }
      }
      addAll(context.getJsonArray("contextAgents"), "agent", prefix + "context_agent", actors);
      addAll(context.getJsonArray("contextGroups"), "group", prefix + "context_group", actors);
    }
  }

  private static void addAll(JsonArray entries, String field, String usage, Set<Entry> actors) {
    if (entries == null) {
      return;
    }
    for (Object e : entries) {
      if (e instanceof JsonObject entry) {
        addActor(entry.getJsonObject(field), usage, actors);
      }
    }
  }

  private static void addActor(JsonObject actor, String usage, Set<Entry> actors) {
    if (actor == null) {
      return;
    }
    AgentIdentity.ifi(actor).ifPresent(ifi -> actors.add(new Entry(ifi, usage)));
    JsonArray members = actor.getJsonArray("member");
    if (members != null) {
      for (Object m : members) {
        if (m instanceof JsonObject member) {
          AgentIdentity.ifi(member).ifPresent(ifi -> actors.add(new Entry(ifi, usage)));
        }
      }
    }
  }
}
