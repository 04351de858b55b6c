package es.civica.learning;

import static es.civica.db.generated.Tables.QUIZ_ATTEMPT;

import es.civica.content.Item;
import es.civica.content.LearnerViews;
import es.civica.content.QuizRule;
import es.civica.content.Unit;
import es.civica.db.DatabaseWorker;
import es.civica.db.generated.tables.records.QuizAttemptRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * End-of-unit quiz attempts: a fresh random draw per attempt by objective (the unit's quiz rule), answers scored
 * on the server one item at a time, pass/fail by the pass mark once every item is answered, the attempt limit
 * enforced under a row lock. Every answer and result becomes xAPI statements.
 */
public final class QuizService {
  public static final String IN_PROGRESS = "in_progress";
  public static final String PASSED = "passed";
  public static final String FAILED = "failed";

  private final DatabaseWorker db;
  private final LearnerStore learners;
  private final Tracker tracker;
  private final Random random = new SecureRandom();

  public QuizService(DatabaseWorker db, LearnerStore learners, Tracker tracker) {
    this.db = db;
    this.learners = learners;
    this.tracker = tracker;
  }

  /** The learner's attempts in a unit's quiz, and whether one more may start. */
  public Future<JsonObject> summary(Learner learner, Unit unit) {
    return db.query(dsl -> summary(dsl, learner, unit));
  }

  private JsonObject summary(DSLContext dsl, Learner learner, Unit unit) {
    List<QuizAttemptRecord> attempts = attempts(dsl, learner.id(), unit.number());
    JsonArray list = new JsonArray();
    String current = null;
    boolean passed = false;
    Double best = null;
    for (QuizAttemptRecord a : attempts) {
      list.add(new JsonObject().put("id", a.getId().toString()).put("number", a.getAttemptNo())
          .put("status", a.getStatus()).put("score", a.getScore()));
      if (IN_PROGRESS.equals(a.getStatus())) {
        current = a.getId().toString();
      }
      passed |= PASSED.equals(a.getStatus());
      if (a.getScore() != null && (best == null || a.getScore() > best)) {
        best = a.getScore();
      }
    }
    QuizRule rule = unit.quiz();
    return new JsonObject()
        .put("unit", unit.number())
        .put("length", rule.length())
        .put("passMark", rule.passMark())
        .put("maxAttempts", rule.maxAttempts())
        .put("attemptsLeft", Math.max(0, rule.maxAttempts() - attempts.size()))
        .put("attempts", list)
        .put("current", current)
        .put("passed", passed)
        .put("bestScore", best);
  }

  /** Starts an attempt, or returns the one in progress. Refused once passed or when no attempt is left. */
  public Future<JsonObject> start(Learner learner, Unit unit) {
    return db.transaction(dsl -> {
      LearnerStore.Enrolment enrolment = learners.enrolAndLock(dsl, learner.id(), unit.number());
      List<QuizAttemptRecord> attempts = attempts(dsl, learner.id(), unit.number());
      for (QuizAttemptRecord a : attempts) {
        if (IN_PROGRESS.equals(a.getStatus())) {
          return new Started(a, false, enrolment.registration());
        }
      }
      if (attempts.stream().anyMatch(a -> PASSED.equals(a.getStatus()))) {
        throw LearningException.conflict("quiz already passed");
      }
      if (attempts.size() >= unit.quiz().maxAttempts()) {
        throw new LearningException(403, "no attempts left");
      }
      QuizAttemptRecord r = dsl.newRecord(QUIZ_ATTEMPT);
      r.setId(UUID.randomUUID());
      r.setLearnerId(learner.id());
      r.setUnitNumber(unit.number());
      r.setRegistration(enrolment.registration());
      r.setAttemptNo(attempts.size() + 1);
      r.setItems(JSONB.valueOf(draw(unit).encode()));
      r.setAnswers(JSONB.valueOf("{}"));
      r.setStatus(IN_PROGRESS);
      r.setStarted(LearnerStore.now());
      r.store();
      return new Started(r, true, enrolment.registration());
    }).compose(started -> {
      JsonObject view = view(unit, started.attempt());
      if (!started.created()) {
        return Future.succeededFuture(view);
      }
      JsonObject quiz = tracker.activity(unit.quiz().iri(), Tracker.TYPE_ASSESSMENT, "Cuestionario: " + unit.title());
      JsonObject attempted = tracker.statement(learner, unit, started.registration(), "attempted", quiz,
          new JsonObject().put("extensions", new JsonObject()
              .put(Tracker.EXT + "attempt", started.attempt().getAttemptNo())), unit.id());
      return tracker.send(List.of(attempted)).map(v -> view);
    });
  }

  private record Started(QuizAttemptRecord attempt, boolean created, UUID registration) {
  }

  /** The attempt as its learner sees it: unanswered items without key, answered ones with their feedback. */
  public Future<JsonObject> view(Learner learner, Unit unit, UUID attemptId) {
    return db.query(dsl -> owned(dsl, learner, unit, attemptId, false)).map(a -> view(unit, a));
  }

  /** Scores the answer to one item of an in-progress attempt; finishes the attempt when it was the last item. */
  public Future<JsonObject> answer(Learner learner, Unit unit, UUID attemptId, String itemId, Object response) {
    return db.transaction(dsl -> {
      QuizAttemptRecord a = owned(dsl, learner, unit, attemptId, true);
      if (!IN_PROGRESS.equals(a.getStatus())) {
        throw LearningException.conflict("the attempt is finished");
      }
      JsonArray drawn = new JsonArray(a.getItems().data());
      JsonObject answers = new JsonObject(a.getAnswers().data());
      JsonObject entry = drawn.stream().map(JsonObject.class::cast).filter(e -> e.getString("id").equals(itemId))
          .findFirst().orElseThrow(() -> LearningException.badRequest("item " + itemId + " is not in this attempt"));
      if (answers.containsKey(itemId)) {
        throw LearningException.conflict("item " + itemId + " is already answered");
      }
      Item item = unit.item(itemId).orElseThrow();
      QuizScoring.Outcome outcome;
      try {
        outcome = QuizScoring.score(item, response, orderOf(entry));
      } catch (IllegalArgumentException e) {
        throw LearningException.badRequest(e.getMessage());
      }
      answers.put(itemId, new JsonObject().put("answer", outcome.answer()).put("correct", outcome.correct()));
      a.setAnswers(JSONB.valueOf(answers.encode()));
      boolean finished = answers.size() == drawn.size();
      if (finished) {
        long right = answers.stream().filter(e -> ((JsonObject) e.getValue()).getBoolean("correct")).count();
        double scaled = (double) right / drawn.size();
        a.setScore(scaled);
        a.setStatus(scaled + 1e-9 >= unit.quiz().passMark() ? PASSED : FAILED);
        a.setFinished(LearnerStore.now());
      }
      a.store();
      return new Answered(a, item, outcome, finished);
    }).compose(answered -> {
      QuizAttemptRecord a = answered.attempt();
      List<JsonObject> batch = new ArrayList<>(statements(learner, unit, answered));
      JsonObject view = view(unit, a);
      JsonObject body = new JsonObject().put("item", itemId).put("feedback", answered.outcome().feedback())
          .put("attempt", view);
      return tracker.send(batch).map(v -> body);
    });
  }

  private record Answered(QuizAttemptRecord attempt, Item item, QuizScoring.Outcome outcome, boolean finished) {
  }

  private List<JsonObject> statements(Learner learner, Unit unit, Answered answered) {
    QuizAttemptRecord a = answered.attempt();
    UUID registration = a.getRegistration();
    String lang = "es";
    JsonObject itemActivity = new JsonObject().put("objectType", "Activity").put("id", answered.item().iri())
        .put("definition", QuizScoring.definition(answered.item(), lang));
    boolean correct = answered.outcome().correct();
    JsonObject itemResult = new JsonObject()
        .put("response", answered.outcome().response())
        .put("success", correct)
        .put("score", new JsonObject().put("scaled", correct ? 1 : 0).put("raw", correct ? 1 : 0)
            .put("min", 0).put("max", 1))
        .put("extensions", new JsonObject().put(Tracker.EXT + "attempt", a.getAttemptNo()));
    List<JsonObject> out = new ArrayList<>();
    out.add(tracker.statement(learner, unit, registration, "answered", itemActivity, itemResult, unit.quiz().iri()));
    if (answered.finished()) {
      int total = new JsonArray(a.getItems().data()).size();
      int raw = (int) Math.round(a.getScore() * total);
      boolean passed = PASSED.equals(a.getStatus());
      JsonObject quiz = tracker.activity(unit.quiz().iri(), Tracker.TYPE_ASSESSMENT, "Cuestionario: " + unit.title());
      JsonObject result = Tracker.scoreResult(a.getScore(), raw, total, passed, true);
      result.put("extensions", new JsonObject().put(Tracker.EXT + "attempt", a.getAttemptNo()));
      out.add(tracker.statement(learner, unit, registration, passed ? "passed" : "failed", quiz, result, unit.id()));
      out.add(tracker.statement(learner, unit, registration, "completed", quiz, result.copy(), unit.id()));
      JsonObject unitResult = Tracker.scoreResult(a.getScore(), raw, total, passed, passed);
      // the unit fails only when no attempt is left; a failed attempt with retries left fails the quiz attempt only
      boolean lastAttempt = a.getAttemptNo() >= unit.quiz().maxAttempts();
      if (passed || lastAttempt) {
        out.add(tracker.unitStatement(learner, unit, registration, passed ? "passed" : "failed", unitResult));
      }
      if (passed) {
        out.add(tracker.unitStatement(learner, unit, registration, "completed", unitResult.copy()));
      }
    }
    return out;
  }

  private QuizAttemptRecord owned(DSLContext dsl, Learner learner, Unit unit, UUID attemptId, boolean lock) {
    var select = dsl.selectFrom(QUIZ_ATTEMPT).where(QUIZ_ATTEMPT.ID.eq(attemptId)
        .and(QUIZ_ATTEMPT.LEARNER_ID.eq(learner.id())).and(QUIZ_ATTEMPT.UNIT_NUMBER.eq(unit.number())));
    QuizAttemptRecord a = lock ? select.forUpdate().fetchOne() : select.fetchOne();
    if (a == null) {
      throw LearningException.notFound("no such attempt");
    }
    return a;
  }

  private static List<QuizAttemptRecord> attempts(DSLContext dsl, UUID learner, int unit) {
    return dsl.selectFrom(QUIZ_ATTEMPT)
        .where(QUIZ_ATTEMPT.LEARNER_ID.eq(learner).and(QUIZ_ATTEMPT.UNIT_NUMBER.eq(unit)))
        .orderBy(QUIZ_ATTEMPT.ATTEMPT_NO).fetch();
  }

  /** A fresh draw: {@code count} random items per objective, in random order, each with its display order. */
  JsonArray draw(Unit unit) {
    List<Item> chosen = new ArrayList<>();
    for (QuizRule.Draw d : unit.quiz().draw()) {
      List<Item> pool = new ArrayList<>(unit.itemsFor(d.objective()));
      Collections.shuffle(pool, random);
      chosen.addAll(pool.subList(0, Math.min(d.count(), pool.size())));
    }
    Collections.shuffle(chosen, random);
    JsonArray items = new JsonArray();
    chosen.forEach(i -> items.add(new JsonObject().put("id", i.id())
        .put("order", new JsonArray(LearnerViews.drawOrder(i, random)))));
    return items;
  }

  private JsonObject view(Unit unit, QuizAttemptRecord a) {
    JsonArray drawn = new JsonArray(a.getItems().data());
    JsonObject answers = new JsonObject(a.getAnswers().data());
    JsonArray items = new JsonArray();
    for (Object o : drawn) {
      JsonObject entry = (JsonObject) o;
      Item item = unit.item(entry.getString("id")).orElseThrow();
      List<String> order = orderOf(entry);
      JsonObject view = LearnerViews.item(item, order);
      JsonObject given = answers.getJsonObject(item.id());
      if (given != null) {
        view.put("answer", given.getValue("answer"));
        view.put("feedback", QuizScoring.score(item, given.getValue("answer"), order).feedback());
      }
      items.add(view);
    }
    return new JsonObject()
        .put("id", a.getId().toString())
        .put("unit", unit.number())
        .put("number", a.getAttemptNo())
        .put("maxAttempts", unit.quiz().maxAttempts())
        .put("passMark", unit.quiz().passMark())
        .put("status", a.getStatus())
        .put("score", a.getScore())
        .put("answered", answers.size())
        .put("total", drawn.size())
        .put("items", items);
  }

  private static List<String> orderOf(JsonObject entry) {
    List<String> order = new ArrayList<>();
    entry.getJsonArray("order").forEach(x -> order.add((String) x));
    return order;
  }
}
