package es.civica.gamification;

import es.civica.content.Course;
import es.civica.content.GamificationRules;
import es.civica.content.GamificationRules.Badge;
import es.civica.content.Scenario;
import es.civica.content.Simulation;
import es.civica.content.Unit;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The gamification rules applied to one learner's statements: a pure function from the statements (in storage
 * order, voided ones left out) to what they earn. The projector calls it for every learner a new statement
 * concerns, and the rebuild for every learner, so the incremental path and a replay agree by construction.
 *
 * <p>What counts (server/PLAYER.md, Statements): {@code answered} an item of the course with {@code success} —
 * XP once per item; {@code passed} a unit quiz — base XP plus the bonus of the score band, once per quiz;
 * {@code completed} a scenario with an {@code …/tier} extension — per scenario the best tier reached, a better
 * ending later earns the difference; {@code interacted} a simulation with {@code success} — XP once per simulation,
 * runs counted by its interacted statements; {@code passed} a unit — for "all units passed". Days are counted on
 * each statement's {@code stored} time (set by the LRS, so a client cannot backdate) in the rules' time zone.
 * Any study statement (experienced, answered, responded, interacted, attempted, passed, failed, completed) on a
 * working day keeps the streak; weekends and holidays freeze it. The cheat guard refuses XP beyond
 * {@code maxXpActions} XP-earning actions in any {@code window}: a refused action earns nothing and uses nothing
 * up, so it can earn later.
 */
public final class RuleEngine {
  static final String VERBS = "http://adlnet.gov/expapi/verbs/";
  static final String EXT = "https://civica.app/xapi/extensions/";
  /** Verbs that count as study for streaks (launch, suspend, terminate and the like do not). */
  static final Set<String> STUDY_VERBS = Set.of(VERBS + "experienced", VERBS + "answered", VERBS + "responded",
      VERBS + "interacted", VERBS + "attempted", VERBS + "passed", VERBS + "failed", VERBS + "completed");

  /** XP or badge. */
  public enum Kind { XP, BADGE }

  /**
   * One thing earned.
   *
   * @param key      unique per learner: {@code item:<iri>}, {@code quiz:<iri>}, {@code scenario:<iri>:<tier>},
   *                 {@code simulation:<iri>}, {@code badge:<id>}
   * @param source   the statement that earned it
   * @param earnedAt its stored time
   */
  public record Award(String key, Kind kind, int xp, UUID source, Instant earnedAt) {
  }

  /**
   * Everything one learner's statements earn.
   *
   * @param streak        consecutive working days with study ending at {@code lastActiveDay}
   * @param cappedActions XP-earning actions the cheat guard refused
   */
  public record Outcome(List<Award> awards, int xp, GamificationRules.Level level, int streak, int bestStreak,
                        LocalDate lastActiveDay, int cappedActions, int statements) {

    public List<Award> badges() {
      return awards.stream().filter(a -> a.kind() == Kind.BADGE).toList();
    }
  }

  private final GamificationRules rules;
  private final Set<String> items = new HashSet<>();
  private final Set<String> quizzes = new HashSet<>();
  private final Map<String, Integer> units = new HashMap<>();
  private final Map<String, Scenario> scenarios = new HashMap<>();
  private final Set<String> simulations = new HashSet<>();
  private final Map<String, String> simulationIris = new HashMap<>();

  public RuleEngine(Course course, GamificationRules rules) {
    this.rules = rules;
    for (Unit u : course.units()) {
      u.items().forEach(i -> items.add(i.iri()));
      quizzes.add(u.quiz().iri());
      units.put(u.id(), u.number());
      u.scenarios().forEach(s -> scenarios.put(s.iri(), s));
      for (Simulation s : u.simulations()) {
        simulations.add(s.iri());
        simulationIris.put(s.id(), s.iri());
      }
    }
  }

  public GamificationRules rules() {
    return rules;
  }

  /** Whether a statement can change anyone's projection (the engine's own "earned" statements cannot). */
  public static boolean relevant(String verbIri) {
    return STUDY_VERBS.contains(verbIri);
  }

  /** Applies the rules to one learner's statements, given in storage order without voided ones. */
  public Outcome evaluate(List<JsonObject> statements) {
    return new Run().apply(statements);
  }

  /** A learner's progress through the rules before any statement: {@link Progress#apply} feeds it in order. */
  public Progress start() {
    return new Run();
  }

  /**
   * Where one learner stands after some of their statements, in storage order: applying the next ones continues from
   * there, so that {@code start().apply(a).apply(b)} is {@code evaluate(a + b)}. Mutable; {@link #copy()} first to
   * keep a state.
   */
  public interface Progress {
    Outcome apply(List<JsonObject> statements);

    Progress copy();
  }

  private final class Run implements Progress {
    final Map<String, Award> awards = new LinkedHashMap<>();
    final Deque<Instant> recentXp = new ArrayDeque<>();
    final Map<String, Integer> scenarioXp = new HashMap<>();
    final Map<String, Integer> simulationRuns = new HashMap<>();
    final Set<Integer> passedUnits = new HashSet<>();
    final Set<String> metSimulations = new HashSet<>();
    int xp;
    int capped;
    int streak;
    int bestStreak;
    LocalDate lastActive;
    int counted;

    @Override
    public Run copy() {
      Run c = new Run();
      c.awards.putAll(awards);
      c.recentXp.addAll(recentXp);
      c.scenarioXp.putAll(scenarioXp);
      c.simulationRuns.putAll(simulationRuns);
      c.passedUnits.addAll(passedUnits);
      c.metSimulations.addAll(metSimulations);
      c.xp = xp;
      c.capped = capped;
      c.streak = streak;
      c.bestStreak = bestStreak;
      c.lastActive = lastActive;
      c.counted = counted;
      return c;
    }

    @Override
    public Outcome apply(List<JsonObject> statements) {
      for (JsonObject s : statements) {
        String verb = s.getJsonObject("verb", new JsonObject()).getString("id", "");
        if (!STUDY_VERBS.contains(verb)) {
          continue;
        }
        counted++;
        Instant stored = OffsetDateTime.parse(s.getString("stored")).toInstant();
        UUID id = UUID.fromString(s.getString("id"));
        JsonObject object = s.getJsonObject("object", new JsonObject());
        String objectId = object.getString("id", "");
        JsonObject result = s.getJsonObject("result", new JsonObject());
        studied(stored, id);
        switch (verb.substring(VERBS.length())) {
          case "answered" -> {
            if (items.contains(objectId) && Boolean.TRUE.equals(result.getBoolean("success"))) {
              xp("item:" + objectId, rules.firstCorrectAnswer(), id, stored);
            }
          }
          case "passed" -> {
            if (quizzes.contains(objectId)) {
              Double scaled = scaled(result);
              int bonus = scaled == null ? 0 : rules.band(scaled).map(GamificationRules.Band::bonus).orElse(0);
              xp("quiz:" + objectId, rules.quizBase() + bonus, id, stored);
            } else if (units.containsKey(objectId)) {
              passedUnits.add(units.get(objectId));
              unitsPassedBadges(id, stored);
            }
          }
          case "completed" -> {
            Scenario scenario = scenarios.get(objectId);
            JsonObject ext = result.getJsonObject("extensions", new JsonObject());
            if (scenario != null && ext.getValue(EXT + "tier") instanceof String tier
                && rules.scenarioEnding().containsKey(tier)) {
              scenarioEnded(scenario, tier, ext.getJsonObject(EXT + "metrics", new JsonObject()), id, stored);
            }
          }
          case "interacted" -> {
            if (simulations.contains(objectId)) {
              int runs = simulationRuns.merge(objectId, 1, Integer::sum);
              if (Boolean.TRUE.equals(result.getBoolean("success"))) {
                simulationMet(objectId, runs, id, stored);
              }
            }
          }
          default -> {
            // study that earns no XP by itself (experienced, responded, attempted, failed)
          }
        }
      }
      return new Outcome(List.copyOf(awards.values()), xp, rules.level(xp), streak, bestStreak, lastActive, capped,
          counted);
    }

    /** XP once per key, unless the cheat guard refuses it (then nothing is used up). */
    void xp(String key, int amount, UUID source, Instant at) {
      if (awards.containsKey(key) || amount <= 0) {
        return;
      }
      while (!recentXp.isEmpty() && !recentXp.peekFirst().isAfter(at.minus(rules.window()))) {
        recentXp.pollFirst();
      }
      if (recentXp.size() >= rules.maxXpActions()) {
        capped++;
        return;
      }
      recentXp.addLast(at);
      awards.put(key, new Award(key, Kind.XP, amount, source, at));
      xp += amount;
    }

    void badge(Badge badge, UUID source, Instant at) {
      awards.putIfAbsent("badge:" + badge.id(), new Award("badge:" + badge.id(), Kind.BADGE, 0, source, at));
    }

    void studied(Instant at, UUID source) {
      LocalDate day = at.atZone(rules.timeZone()).toLocalDate();
      if (!rules.isWorkingDay(day) || day.equals(lastActive)) {
        return;
      }
      if (lastActive != null && day.isBefore(lastActive)) {
        return;   // stored times only grow; an older day cannot extend the streak
      }
      streak = lastActive != null && noWorkingDayMissed(lastActive, day) ? streak + 1 : 1;
      lastActive = day;
      bestStreak = Math.max(bestStreak, streak);
      for (Badge b : rules.badges()) {
        if (b.criteria().type().equals("streak") && streak >= b.criteria().workingDays()) {
          badge(b, source, at);
        }
      }
    }

    void scenarioEnded(Scenario scenario, String tier, JsonObject metrics, UUID source, Instant at) {
      int tierXp = rules.scenarioEnding().get(tier);
      int before = scenarioXp.getOrDefault(scenario.iri(), 0);
      String key = "scenario:" + scenario.iri() + ":" + tier;
      if (tierXp > before && !awards.containsKey(key)) {
        int xpBefore = xp;
        xp(key, tierXp - before, source, at);
        if (xp > xpBefore) {
          scenarioXp.put(scenario.iri(), tierXp);
        }
      }
      for (Badge b : rules.badges()) {
        GamificationRules.Criteria c = b.criteria();
        if (!c.type().equals("scenarioEnding") || !c.tier().equals(tier)) {
          continue;
        }
        boolean matches = c.scenario() != null ? c.scenario().equals(scenario.id())
            : scenario.kind().equals(c.scenarioKind());
        boolean within = c.metricsAtMost().entrySet().stream().allMatch(e ->
            metrics.getValue(e.getKey()) instanceof Number n && n.doubleValue() <= e.getValue());
        if (matches && within) {
          badge(b, source, at);
        }
      }
    }

    void simulationMet(String iri, int runs, UUID source, Instant at) {
      xp("simulation:" + iri, rules.simulationTarget(), source, at);
      if (!metSimulations.add(iri)) {
        return;   // the badge looks at the first run that met the target only
      }
      for (Badge b : rules.badges()) {
        GamificationRules.Criteria c = b.criteria();
        if (c.type().equals("simulationTarget") && iri.equals(simulationIris.get(c.simulation()))
            && runs <= c.maxRuns()) {
          badge(b, source, at);
        }
      }
    }

    void unitsPassedBadges(UUID source, Instant at) {
      for (Badge b : rules.badges()) {
        if (b.criteria().type().equals("unitsPassed") && passedUnits.containsAll(b.criteria().units())) {
          badge(b, source, at);
        }
      }
    }

    boolean noWorkingDayMissed(LocalDate from, LocalDate to) {
      if (from.plusDays(400).isBefore(to)) {
        return false;
      }
      for (LocalDate d = from.plusDays(1); d.isBefore(to); d = d.plusDays(1)) {
        if (rules.isWorkingDay(d)) {
          return false;
        }
      }
      return true;
    }
  }

  private static Double scaled(JsonObject result) {
    JsonObject score = result.getJsonObject("score");
    return score == null || !(score.getValue("scaled") instanceof Number n) ? null : n.doubleValue();
  }

  /** The current streak as of {@code today}: the stored one if no working day was missed since, else 0. */
  public static int currentStreak(GamificationRules rules, int streak, LocalDate lastActive, LocalDate today) {
    if (lastActive == null || streak == 0) {
      return 0;
    }
    for (LocalDate d = lastActive.plusDays(1); d.isBefore(today); d = d.plusDays(1)) {
      if (rules.isWorkingDay(d)) {
        return 0;
      }
      if (d.isAfter(lastActive.plusDays(400))) {
        return 0;
      }
    }
    return streak;
  }
}
