package es.civica.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.content.ContentLoader;
import es.civica.content.Course;
import es.civica.content.GamificationRules;
import es.civica.content.Scenario;
import es.civica.content.Unit;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The rules of gamification/rules.json applied to hand-built statement sequences. */
class RuleEngineTest {
  static final String V = RuleEngine.VERBS;
  static final String EXT = RuleEngine.EXT;
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static Course course;
  static GamificationRules rules;
  static RuleEngine engine;
  static Unit unit4;

  @BeforeAll
  static void load() {
    course = ContentLoader.fromClasspath();
    rules = course.gamificationRules().orElseThrow();
    engine = new RuleEngine(course, rules);
    unit4 = course.unit(4).orElseThrow();
  }

  /** A sequence of statements at given local times (Europe/Madrid), in storage order. */
  static final class Seq {
    final List<JsonObject> list = new ArrayList<>();
    ZonedDateTime at = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, MADRID);   // a Monday

    Seq at(int year, int month, int day, int hour) {
      at = ZonedDateTime.of(year, month, day, hour, 0, 0, 0, MADRID);
      return this;
    }

    Seq plusMinutes(int m) {
      at = at.plusMinutes(m);
      return this;
    }

    JsonObject add(String verb, String object, JsonObject result) {
      JsonObject s = new JsonObject().put("id", UUID.randomUUID().toString())
          .put("actor", new JsonObject().put("mbox", "mailto:ana@ayto.example"))
          .put("verb", new JsonObject().put("id", V + verb))
          .put("object", new JsonObject().put("id", object))
          .put("stored", at.toOffsetDateTime().toString());
      if (result != null) {
        s.put("result", result);
      }
      list.add(s);
      at = at.plusSeconds(5);
      return s;
    }

    Seq answered(String itemIri, boolean right) {
      add("answered", itemIri, new JsonObject().put("success", right));
      return this;
    }

    Seq passedQuiz(Unit u, double scaled) {
      add("passed", u.quiz().iri(), new JsonObject().put("success", true)
          .put("score", new JsonObject().put("scaled", scaled)));
      return this;
    }

    Seq passedUnit(Unit u) {
      add("passed", u.id(), new JsonObject().put("success", true));
      return this;
    }

    Seq ended(Scenario s, String tier, int escalation) {
      add("completed", s.iri(), new JsonObject().put("extensions", new JsonObject().put(EXT + "tier", tier)
          .put(EXT + "metrics", new JsonObject().put("escalation", escalation))));
      return this;
    }

    Seq run(String simIri, boolean met) {
      add("interacted", simIri, new JsonObject().put("success", met));
      return this;
    }

    Seq read(String sectionIri) {
      add("experienced", sectionIri, null);
      return this;
    }

    RuleEngine.Outcome outcome() {
      return engine.evaluate(list);
    }
  }

  static boolean has(RuleEngine.Outcome o, String badge) {
    return o.badges().stream().anyMatch(a -> a.key().equals("badge:" + badge));
  }

  @Test
  @DisplayName("progress resumed from any point (a copy kept, the rest applied later) gives the outcome of all at once")
  void resumedProgressEqualsOneEvaluation() {
    Scenario s = unit4.scenario("u4-sc-alumbrado").orElseThrow();
    Seq seq = new Seq().answered(unit4.items().get(0).iri(), true).read(unit4.id()).passedQuiz(unit4, 0.9)
        .ended(s, "poor", 40).at(2026, 11, 24, 9).answered(unit4.items().get(1).iri(), true).ended(s, "best", 0)
        .at(2026, 11, 25, 9).passedUnit(unit4).passedQuiz(unit4, 1.0);
    RuleEngine.Outcome whole = seq.outcome();
    for (int cut = 0; cut <= seq.list.size(); cut++) {
      RuleEngine.Progress p = engine.start();
      p.apply(seq.list.subList(0, cut));
      RuleEngine.Progress kept = p.copy();
      p.apply(List.of(seq.list.get(0)));   // what happens to the original afterwards does not touch the copy
      assertEquals(whole, kept.apply(seq.list.subList(cut, seq.list.size())), "cut at " + cut);
    }
  }

  @Test
  @DisplayName("a first correct answer earns XP once per item; wrong answers and retries earn nothing")
  void firstCorrectAnswer() {
    String item = unit4.items().get(0).iri();
    String other = unit4.items().get(1).iri();
    RuleEngine.Outcome o = new Seq().answered(item, false).answered(item, true).answered(item, true)
        .answered(other, true).answered("https://example.org/not-an-item", true).outcome();
    assertEquals(2 * rules.firstCorrectAnswer(), o.xp());
    assertEquals(2, o.awards().size());
  }

  @Test
  @DisplayName("a passed quiz earns the base plus the bonus of its score band, once")
  void quizBands() {
    assertEquals(rules.quizBase() + 50, new Seq().passedQuiz(unit4, 1.0).outcome().xp());
    assertEquals(rules.quizBase() + 25, new Seq().passedQuiz(unit4, 0.9).outcome().xp());
    assertEquals(rules.quizBase(), new Seq().passedQuiz(unit4, 0.8).passedQuiz(unit4, 1.0).outcome().xp());
  }

  @Test
  @DisplayName("scenario endings earn by tier; a better ending later earns the difference, a worse one nothing")
  void scenarioTiers() {
    Scenario s = unit4.scenario("u4-sc-alumbrado").orElseThrow();
    RuleEngine.Outcome o = new Seq().ended(s, "poor", 40).ended(s, "bad", 60).ended(s, "best", 0)
        .ended(s, "best", 0).outcome();
    assertEquals(rules.scenarioEnding().get("best"), o.xp());
    assertTrue(has(o, "escucha-activa"));
  }

  @Test
  @DisplayName("Escucha activa needs a complaint scenario at its best ending without escalation")
  void escuchaActiva() {
    Scenario complaint = unit4.scenario("u4-sc-insulto").orElseThrow();
    Scenario crisis = unit4.scenario("u4-sc-bulo").orElseThrow();
    assertFalse(has(new Seq().ended(complaint, "best", 30).outcome(), "escucha-activa"), "escalated");
    assertFalse(has(new Seq().ended(crisis, "best", 0).outcome(), "escucha-activa"), "a crisis, not a complaint");
    assertFalse(has(new Seq().ended(complaint, "good", 0).outcome(), "escucha-activa"), "not the best ending");
    assertTrue(has(new Seq().ended(complaint, "best", 5).outcome(), "escucha-activa"));
  }

  @Test
  @DisplayName("Community manager: the simulation's target met within 3 runs; XP for the target once")
  void communityManager() {
    String sim = unit4.simulations().get(0).iri();
    RuleEngine.Outcome quick = new Seq().run(sim, false).run(sim, false).run(sim, true).run(sim, true).outcome();
    assertTrue(has(quick, "community-manager"));
    assertEquals(rules.simulationTarget(), quick.xp());
    RuleEngine.Outcome slow = new Seq().run(sim, false).run(sim, false).run(sim, false).run(sim, true).outcome();
    assertFalse(has(slow, "community-manager"));
    assertEquals(rules.simulationTarget(), slow.xp());
  }

  @Test
  @DisplayName("Plan de social media: unit 5's plan scenario at its top rubric band; Temario completo: five units passed")
  void planAndTemario() {
    Scenario plan = course.unit(5).orElseThrow().scenario("u5-sc-plan").orElseThrow();
    assertTrue(has(new Seq().ended(plan, "best", 0).outcome(), "plan-social-media"));
    assertFalse(has(new Seq().ended(plan, "good", 0).outcome(), "plan-social-media"));
    Seq four = new Seq();
    course.units().stream().limit(4).forEach(four::passedUnit);
    assertFalse(has(four.outcome(), "temario-completo"));
    four.passedUnit(course.unit(5).orElseThrow());
    assertTrue(has(four.outcome(), "temario-completo"));
  }

  @Test
  @DisplayName("streaks count working days: weekends and holidays freeze them, a missed working day breaks them")
  void workingDayStreak() {
    String section = unit4.activityIri("section", unit4.lessons().get(0).sections().get(0).id());
    Seq s = new Seq();
    // Thu 3, Fri 4 Dec; weekend; Mon 7; Tue 8 Dec is a holiday; Wed 9 → five working days in a row
    for (int day : new int[] {3, 4, 5, 7, 9}) {
      s.at(2026, 12, day, 18).read(section);
    }
    RuleEngine.Outcome o = s.outcome();
    assertEquals(4, o.streak(), "Sat 5 is frozen, not counted");
    s.at(2026, 12, 10, 9).read(section);
    o = s.outcome();
    assertEquals(5, o.streak());
    assertTrue(has(o, "constancia"));
    s.at(2026, 12, 14, 9).read(section);   // Fri 11 missed
    o = s.outcome();
    assertEquals(1, o.streak());
    assertEquals(5, o.bestStreak());
    assertEquals(LocalDate.of(2026, 12, 14), o.lastActiveDay());
    assertEquals(5, RuleEngine.currentStreak(rules, 5, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 11)));
    assertEquals(0, RuleEngine.currentStreak(rules, 5, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 14)));
    assertEquals(5, RuleEngine.currentStreak(rules, 5, LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 7)));
  }

  @Test
  @DisplayName("days are Madrid days: 23:30 UTC on Friday is already Saturday in Madrid")
  void timeZone() {
    String section = unit4.activityIri("section", unit4.lessons().get(0).sections().get(0).id());
    Seq s = new Seq();
    s.at(2026, 12, 3, 12).read(section);
    s.at = ZonedDateTime.of(2026, 12, 4, 23, 30, 0, 0, ZoneId.of("UTC"));
    s.read(section);
    assertEquals(1, s.outcome().streak(), "Saturday 00:30 in Madrid: frozen, not counted");
  }

  @Test
  @DisplayName("the cheat guard refuses XP beyond the cap per window; a refused item can earn later")
  void cheatGuard() {
    Seq s = new Seq();
    int cap = rules.maxXpActions();
    List<String> items = course.units().stream().flatMap(u -> u.items().stream()).map(i -> i.iri()).toList();
    for (int i = 0; i < cap + 5; i++) {
      s.answered(items.get(i), true);   // 5 s apart: all inside one window
    }
    RuleEngine.Outcome o = s.outcome();
    assertEquals(cap * rules.firstCorrectAnswer(), o.xp());
    assertEquals(5, o.cappedActions());
    s.plusMinutes((int) rules.window().toMinutes() + 1).answered(items.get(cap), true);
    assertEquals((cap + 1) * rules.firstCorrectAnswer(), s.outcome().xp());
  }

  @Test
  @DisplayName("levels follow the XP thresholds")
  void levels() {
    Seq s = new Seq();
    course.units().forEach(u -> s.plusMinutes(20).passedQuiz(u, 1.0));
    RuleEngine.Outcome o = s.outcome();
    assertEquals(5 * (rules.quizBase() + 50), o.xp());
    assertEquals(rules.level(o.xp()), o.level());
    assertTrue(o.level().number() > 1);
  }
}
