package es.civica.desk;

import static es.civica.db.generated.Tables.COMPLETION_FEED;
import static es.civica.db.generated.Tables.ORGANISATION;
import static es.civica.db.generated.Tables.XAPI_STATEMENT;

import io.vertx.core.json.JsonObject;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reads the commit-ordered completion feed (table completion_feed, filled by a trigger on every stored completed /
 * passed / failed statement; see V50__desks.sql for why its numbering has no gap in commit order).
 */
public final class CompletionFeed {
  public static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
  public static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
  public static final String FAILED = "http://adlnet.gov/expapi/verbs/failed";

  /** A page of the feed: statements after the cursor in commit order, the last sequence number, and whether more follow. */
  public record Page(List<JsonObject> statements, long lastSeq, boolean more) {
  }

  /** One line of the completion report; organisationName: the directory's name, else the organisation id. */
  public record Line(String unit, String organisation, String organisationName, long completed, long passed,
                     long failed) {
  }

  public Page after(DSLContext dsl, long afterSeq, int limit, Staff who) {
    var rows = dsl.select(COMPLETION_FEED.SEQ, XAPI_STATEMENT.PAYLOAD, XAPI_STATEMENT.IS_VOIDED)
        .from(COMPLETION_FEED).join(XAPI_STATEMENT).on(XAPI_STATEMENT.ID.eq(COMPLETION_FEED.STATEMENT_PK))
        .where(COMPLETION_FEED.SEQ.gt(afterSeq).and(scope(who)))
        .orderBy(COMPLETION_FEED.SEQ)
        .limit(limit + 1)
        .fetch();
    boolean more = rows.size() > limit;
    List<JsonObject> statements = rows.stream().limit(limit)
        .map(r -> new JsonObject(r.value2().data()).put("voided", r.value3())).toList();
    long last = rows.isEmpty() ? afterSeq : rows.get(Math.min(limit, rows.size()) - 1).value1();
    return new Page(statements, last, more);
  }

  /**
   * Learners (distinct actors) who completed, passed and failed, per unit and organisation, for statements stored
   * in [from, to), within what {@code who} may see. Only objects that are units (not their quizzes or scenarios).
   */
  public List<Line> report(DSLContext dsl, OffsetDateTime from, OffsetDateTime to, Staff who) {
    var learners = COMPLETION_FEED.LEARNER;
    var completed = DSL.countDistinct(learners).filterWhere(COMPLETION_FEED.VERB_IRI.eq(COMPLETED));
    var passed = DSL.countDistinct(learners).filterWhere(COMPLETION_FEED.VERB_IRI.eq(PASSED));
    var failed = DSL.countDistinct(learners).filterWhere(COMPLETION_FEED.VERB_IRI.eq(FAILED));
    var name = DSL.coalesce(ORGANISATION.NAME, COMPLETION_FEED.ORGANISATION);
    return dsl.select(COMPLETION_FEED.UNIT_IRI, COMPLETION_FEED.ORGANISATION, name, completed, passed, failed)
        .from(COMPLETION_FEED)
        .join(XAPI_STATEMENT).on(XAPI_STATEMENT.ID.eq(COMPLETION_FEED.STATEMENT_PK))
        .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(COMPLETION_FEED.ORGANISATION))
        .where(COMPLETION_FEED.STORED.ge(from).and(COMPLETION_FEED.STORED.lt(to))
            .and(COMPLETION_FEED.OBJECT_IRI.eq(COMPLETION_FEED.UNIT_IRI))
            .and(XAPI_STATEMENT.IS_VOIDED.isFalse())
            .and(scope(who)))
        .groupBy(COMPLETION_FEED.UNIT_IRI, COMPLETION_FEED.ORGANISATION, ORGANISATION.NAME)
        .orderBy(COMPLETION_FEED.UNIT_IRI, COMPLETION_FEED.ORGANISATION.nullsLast())
        .fetch(r -> new Line(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
  }

  private static Condition scope(Staff who) {
    if (who.role() == Staff.Role.ADMIN) {
      return DSL.trueCondition();
    }
    Condition c = DSL.falseCondition();
    if (!who.units().isEmpty()) {
      c = c.or(COMPLETION_FEED.UNIT_IRI.in(who.units()));
    }
    if (!who.organisations().isEmpty()) {
      c = c.or(COMPLETION_FEED.ORGANISATION.in(who.organisations()));
    }
    return c;
  }
}
