package es.civica.desk;

import static es.civica.db.generated.Tables.STATEMENT_TO_ACTIVITY;
import static es.civica.db.generated.Tables.XAPI_STATEMENT;

import es.civica.content.Choice;
import es.civica.content.Item;
import es.civica.content.Node;
import es.civica.content.Scenario;
import es.civica.content.Unit;
import es.civica.db.Chunks;
import es.civica.db.generated.Routines;
import es.civica.learning.Tracker;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Analytics for course owners, computed from the statements of one unit (those whose context grouping names the
 * unit): item analysis of the quiz from the {@code answered} statements, and the choices taken at each node of
 * the unit's scenarios from the {@code responded} statements. Blocking: call through the DatabaseWorker.
 */
public final class Analytics {
  static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
  static final String RESPONDED = "http://adlnet.gov/expapi/verbs/responded";

  /** The item analysis of the unit's quiz, within what {@code who} may see. */
  public JsonObject items(DSLContext dsl, Unit unit, Staff who) {
    Map<String, Item> bank = new HashMap<>();
    unit.items().forEach(i -> bank.put(i.iri(), i));
    List<ItemAnalysis.Answer> answers = new ArrayList<>();
    for (JsonObject s : statements(dsl, unit, ANSWERED, who)) {
      JsonObject result = s.getJsonObject("result", new JsonObject());
      Object attemptNo = result.getJsonObject("extensions", new JsonObject()).getValue(Tracker.EXT + "attempt");
      String attempt = actorKey(s) + "|" + s.getJsonObject("context", new JsonObject()).getString("registration")
          + "|" + attemptNo;
      String item = s.getJsonObject("object").getString("id");
      answers.add(new ItemAnalysis.Answer(attempt, item, Boolean.TRUE.equals(result.getBoolean("success")),
          choices(s, result.getString("response"))));
    }
    ItemAnalysis.QuizStats q = ItemAnalysis.analyse(answers);
    JsonArray items = new JsonArray();
    for (ItemAnalysis.ItemStats i : q.items()) {
      Item known = bank.get(i.item());
      items.add(new JsonObject().put("item", i.item())
          .put("id", known == null ? null : known.id())
          .put("type", known == null ? null : known.type().json())
          .put("prompt", known == null ? null : known.prompt())
          .put("attempts", i.attempts()).put("facility", round(i.facility()))
          .put("discrimination", i.discrimination() == null ? null : round(i.discrimination()))
          .put("upperLower", i.upperLower() == null ? null : round(i.upperLower()))
          .put("choices", choicesJson(i.choices()))
          .put("correctChoices", known == null ? new JsonArray() : new JsonArray(known.correctOptionIds()))
          .put("dubious", i.dubious()));
    }
    return new JsonObject().put("unit", unit.id()).put("quiz", unit.quiz().iri()).put("attempts", q.attempts())
        .put("meanScore", round(q.meanScore())).put("sdScore", round(q.sdScore()))
        .put("dubiousItems", q.dubiousItems()).put("items", items)
        .put("method", "facility = share right; discrimination = corrected point-biserial (item vs rest score); "
            + "upperLower = p(upper 27 %) - p(lower 27 %) by rest score; dubious = discrimination < "
            + ItemAnalysis.DUBIOUS_BELOW + " with at least " + ItemAnalysis.MIN_ATTEMPTS + " attempts");
  }

  /**
   * Per scenario of the unit: its decision tree (nodes, choices, next nodes) with the learners who took each
   * choice (a learner counts once per choice, across plays) and their share among the learners who decided at
   * that node; the most common wrong turn is the choice below the node's best score taken by the largest share.
   */
  public JsonObject scenarios(DSLContext dsl, Unit unit, Staff who) {
    Map<String, Map<String, Map<String, Set<String>>>> taken = new HashMap<>(); // scenario → node → choice → learners
    for (JsonObject s : statements(dsl, unit, RESPONDED, who)) {
      JsonObject ext = s.getJsonObject("result", new JsonObject()).getJsonObject("extensions", new JsonObject());
      String node = ext.getString(Tracker.EXT + "node");
      String choice = ext.getString(Tracker.EXT + "choice");
      JsonArray parents = s.getJsonObject("context", new JsonObject()).getJsonObject("contextActivities",
          new JsonObject()).getJsonArray("parent", new JsonArray());
      if (node == null || choice == null || parents.isEmpty()) {
        continue;
      }
      String scenario = parents.getJsonObject(0).getString("id");
      taken.computeIfAbsent(scenario, k -> new HashMap<>()).computeIfAbsent(node, k -> new HashMap<>())
          .computeIfAbsent(choice, k -> new HashSet<>()).add(actorKey(s));
    }
    JsonArray out = new JsonArray();
    for (Scenario sc : unit.scenarios()) {
      Map<String, Map<String, Set<String>>> byNode = taken.getOrDefault(sc.iri(), Map.of());
      JsonArray nodes = new JsonArray();
      JsonObject wrongTurn = null;
      double wrongShare = -1;
      Set<String> players = new HashSet<>();
      for (Node n : sc.nodes()) {
        JsonObject node = new JsonObject().put("id", n.id());
        if (n instanceof Node.Decision d) {
          Map<String, Set<String>> choices = byNode.getOrDefault(d.id(), Map.of());
          Set<String> deciders = new HashSet<>();
          choices.values().forEach(deciders::addAll);
          players.addAll(deciders);
          int best = d.choices().stream().mapToInt(Choice::score).max().orElse(0);
          JsonArray cs = new JsonArray();
          for (Choice c : d.choices()) {
            int learners = choices.getOrDefault(c.id(), Set.of()).size();
            double share = deciders.isEmpty() ? 0 : (double) learners / deciders.size();
            cs.add(new JsonObject().put("id", c.id()).put("text", c.text()).put("next", c.next())
                .put("score", c.score()).put("best", c.score() == best).put("learners", learners)
                .put("share", round(share)));
            if (c.score() < best && learners > 0 && share > wrongShare) {
              wrongShare = share;
              wrongTurn = new JsonObject().put("node", d.id()).put("choice", c.id()).put("text", c.text())
                  .put("learners", learners).put("share", round(share));
            }
          }
          node.put("kind", "decision").put("situation", d.situation()).put("learners", deciders.size())
              .put("choices", cs);
        } else if (n instanceof Node.Router r) {
          node.put("kind", "router").put("routes", new JsonArray(r.routes().stream()
              .map(rt -> new JsonObject().put("minScore", rt.minScore()).put("next", rt.next())).toList()));
        } else if (n instanceof Node.Ending e) {
          node.put("kind", "ending").put("tier", e.tier().json()).put("title", e.title());
        }
        nodes.add(node);
      }
      out.add(new JsonObject().put("id", sc.id()).put("iri", sc.iri()).put("title", sc.title()).put("start", sc.start())
          .put("learners", players.size()).put("nodes", nodes).put("mostCommonWrongTurn", wrongTurn));
    }
    return new JsonObject().put("unit", unit.id()).put("scenarios", out);
  }

  /** The unit's statements of one verb, not voided, limited to the learners of {@code who}'s organisations unless
   * the unit is in its scope (or it is an admin). */
  private List<JsonObject> statements(DSLContext dsl, Unit unit, String verb, Staff who) {
    List<JsonObject> all = dsl.select(XAPI_STATEMENT.PAYLOAD).from(XAPI_STATEMENT)
        .join(STATEMENT_TO_ACTIVITY).on(STATEMENT_TO_ACTIVITY.STATEMENT_PK.eq(XAPI_STATEMENT.ID))
        .where(STATEMENT_TO_ACTIVITY.ACTIVITY_IRI.eq(unit.id()).and(STATEMENT_TO_ACTIVITY.USAGE.eq("grouping"))
            .and(XAPI_STATEMENT.VERB_IRI.eq(verb)).and(XAPI_STATEMENT.IS_VOIDED.isFalse()))
        .orderBy(XAPI_STATEMENT.ID)
        .fetch(r -> new JsonObject(r.value1().data()));
    if (who.role() == Staff.Role.ADMIN || who.units().contains(unit.id())) {
      return all;
    }
    Map<String, String> orgs = organisations(dsl, all);
    return all.stream().filter(s -> who.organisations().contains(orgs.get(actorKey(s)))).toList();
  }

  /**
   * The organisation of each actor, by the one rule (V52: {@code actor_organisation}), asked once per distinct
   * actor, a thousand at a time.
   */
  private static Map<String, String> organisations(DSLContext dsl, List<JsonObject> statements) {
    Map<String, JsonObject> actors = new LinkedHashMap<>();
    for (JsonObject s : statements) {
      actors.putIfAbsent(actorKey(s), s.getJsonObject("actor", new JsonObject()));
    }
    Map<String, String> out = new HashMap<>();
    List<String> keys = new ArrayList<>(actors.keySet());
    for (List<String> chunk : Chunks.of(keys, 1000)) {
      var rows = DSL.values(chunk.stream().map(k -> DSL.row(DSL.val(k), DSL.val(JSONB.valueOf(actors.get(k).encode()))))
          .toArray(org.jooq.Row2[]::new)).as("a", "actor_key", "actor");
      Field<String> key = rows.field("actor_key", String.class);
      Field<JSONB> actor = rows.field("actor", JSONB.class);
      dsl.select(key, Routines.actorOrganisation(actor)).from(rows).fetch()
          .forEach(r -> out.put(r.value1(), r.value2()));
    }
    return out;
  }

  private static String actorKey(JsonObject s) {
    JsonObject actor = s.getJsonObject("actor", new JsonObject());
    if (actor.getString("mbox") != null) {
      return actor.getString("mbox");
    }
    if (actor.getJsonObject("account") != null) {
      return "account:" + actor.getJsonObject("account").getString("name");
    }
    return actor.encode();
  }

  /** Option ids chosen, for choice and true-false interactions (xAPI response "a[,]c"); otherwise the response. */
  private static List<String> choices(JsonObject statement, String response) {
    if (response == null) {
      return List.of();
    }
    String type = statement.getJsonObject("object").getJsonObject("definition", new JsonObject())
        .getString("interactionType", "");
    if (type.equals("choice") || type.equals("true-false")) {
      return response.isEmpty() ? List.of() : Arrays.asList(response.split("\\[,\\]"));
    }
    return List.of(response.length() > 80 ? response.substring(0, 80) + "…" : response);
  }

  private static JsonObject choicesJson(Map<String, Integer> counts) {
    JsonObject json = new JsonObject();
    new TreeMap<>(counts).forEach(json::put);
    return json;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
