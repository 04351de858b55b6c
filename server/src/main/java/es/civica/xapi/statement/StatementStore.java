package es.civica.xapi.statement;

import static es.civica.db.generated.Tables.ATTACHMENT;
import static es.civica.db.generated.Tables.STATEMENT_REFERENCE;
import static es.civica.db.generated.Tables.STATEMENT_TO_ACTIVITY;
import static es.civica.db.generated.Tables.STATEMENT_TO_ACTOR;
import static es.civica.db.generated.Tables.XAPI_STATEMENT;

import es.civica.db.generated.tables.XapiStatement;
import es.civica.xapi.XapiException;
import io.vertx.core.json.JsonObject;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep4;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Statements in PostgreSQL: the commands (insert a batch, void) and the queries (by id, filtered pages).
 * Blocking: always called through the DatabaseWorker, inside its transaction for writes.
 */
public final class StatementStore {

  /** The statements a batch really inserted, in storage order, with their storage ids (the same order). */
  public record Inserted(List<PreparedStatement> statements, long[] storageIds) {
  }

  /** A page of statements plus what the next page needs. */
  public record Page(List<JsonObject> statements, Long lastPk, long snapshotPk, boolean more) {
  }

  /**
   * Inserts a batch in the caller's transaction. Statements whose id is already stored with equal content are
   * skipped; a stored id with different content is a 409 and (the transaction rolling back) leaves nothing behind.
   *
   * @return the statements really inserted, in storage order, with their storage ids
   */
  public Inserted insert(DSLContext dsl, List<PreparedStatement> batch, List<Attachment> attachments) {
    checkVoiding(dsl, batch);
    // Insert first and look only at the ids that were already there: one round trip less in the common case.
    Map<UUID, Long> pks = StatementRowWriter.insertStatements(dsl, batch);
    List<PreparedStatement> fresh = new ArrayList<>(batch.size());
    List<PreparedStatement> resent = new ArrayList<>();
    for (PreparedStatement s : batch) {
      (pks.containsKey(s.id()) ? fresh : resent).add(s);
    }
    if (!resent.isEmpty()) {
      Map<UUID, JsonObject> existing = existingSubmitted(dsl, resent.stream().map(PreparedStatement::id).toList());
      for (PreparedStatement s : resent) {
        if (!StatementEquivalence.equivalent(existing.get(s.id()), s.submitted())) {
          throw XapiException.conflict("Statement " + s.id() + " is already stored with different content");
        }
      }
    }
    if (fresh.isEmpty()) {
      return new Inserted(fresh, new long[0]);
    }

    StatementRowWriter.insertIndexRows(dsl, fresh, pks);

    List<UUID> voided = fresh.stream().map(PreparedStatement::voidsStatementId).filter(v -> v != null).toList();
    if (!voided.isEmpty()) {
      dsl.update(XAPI_STATEMENT).set(XAPI_STATEMENT.IS_VOIDED, true)
          .where(XAPI_STATEMENT.STATEMENT_ID.in(voided).and(XAPI_STATEMENT.VOIDS_STATEMENT_ID.isNull()))
          .execute();
    }
    storeAttachments(dsl, attachments);
    fresh.sort((a, b) -> Long.compare(pks.get(a.id()), pks.get(b.id())));
    return new Inserted(fresh, fresh.stream().mapToLong(p -> pks.get(p.id())).toArray());
  }

  /** A voiding statement may not void another voiding statement. */
  private void checkVoiding(DSLContext dsl, List<PreparedStatement> fresh) {
    Set<UUID> targets = new HashSet<>();
    fresh.forEach(s -> {
      if (s.voidsStatementId() != null) {
        targets.add(s.voidsStatementId());
      }
    });
    if (targets.isEmpty()) {
      return;
    }
    for (PreparedStatement s : fresh) {
      if (s.voidsStatementId() != null && targets.contains(s.id())) {
        throw XapiException.badRequest("A voiding statement cannot be voided");
      }
    }
    boolean targetsVoiding = dsl.fetchExists(XAPI_STATEMENT,
        XAPI_STATEMENT.STATEMENT_ID.in(targets).and(XAPI_STATEMENT.VOIDS_STATEMENT_ID.isNotNull()));
    if (targetsVoiding) {
      throw XapiException.badRequest("A voiding statement cannot target another voiding statement");
    }
  }

  private Map<UUID, JsonObject> existingSubmitted(DSLContext dsl, Collection<UUID> ids) {
    Map<UUID, JsonObject> found = new HashMap<>();
    dsl.select(XAPI_STATEMENT.STATEMENT_ID, XAPI_STATEMENT.PAYLOAD).from(XAPI_STATEMENT)
        .where(XAPI_STATEMENT.STATEMENT_ID.in(ids))
        .forEach(r -> found.put(r.value1(), new JsonObject(r.value2().data())));
    return found;
  }

  private void storeAttachments(DSLContext dsl, List<Attachment> attachments) {
    if (attachments.isEmpty()) {
      return;
    }
    InsertValuesStep4<?, String, String, Long, byte[]> insert = dsl.insertInto(ATTACHMENT,
        ATTACHMENT.SHA2, ATTACHMENT.CONTENT_TYPE, ATTACHMENT.LENGTH, ATTACHMENT.CONTENTS);
    for (Attachment a : attachments) {
      insert = insert.values(a.sha2(), a.contentType(), (long) a.contents().length, a.contents());
    }
    insert.onConflictDoNothing().execute();
  }

  /** One statement by id. {@code voided} selects which kind the caller asks for (statementId vs voidedStatementId). */
  public Optional<JsonObject> find(DSLContext dsl, UUID id, boolean voided, Long onlyCredentialId) {
    Condition c = XAPI_STATEMENT.STATEMENT_ID.eq(id).and(XAPI_STATEMENT.IS_VOIDED.eq(voided));
    if (onlyCredentialId != null) {
      c = c.and(XAPI_STATEMENT.CREDENTIAL_ID.eq(onlyCredentialId));
    }
    return dsl.select(XAPI_STATEMENT.PAYLOAD).from(XAPI_STATEMENT).where(c)
        .fetchOptional(r -> new JsonObject(r.value1().data()));
  }

  public List<Attachment> attachments(DSLContext dsl, Collection<String> sha2s) {
    if (sha2s.isEmpty()) {
      return List.of();
    }
    return dsl.selectFrom(ATTACHMENT).where(ATTACHMENT.SHA2.in(sha2s))
        .fetch(r -> new Attachment(r.getSha2(), r.getContentType(), r.getContents()));
  }

  /** Highest storage id so far (0 when empty): the snapshot bound of a new query. */
  public long lastPk(DSLContext dsl) {
    Long max = dsl.select(DSL.max(XAPI_STATEMENT.ID)).from(XAPI_STATEMENT).fetchOne(0, Long.class);
    return max == null ? 0 : max;
  }

  /** Latest stored time of any statement (for Last-Modified), empty when there is none. */
  public Optional<OffsetDateTime> lastStored(DSLContext dsl) {
    return Optional.ofNullable(dsl.select(DSL.max(XAPI_STATEMENT.STORED)).from(XAPI_STATEMENT).fetchOne(0, OffsetDateTime.class));
  }

  /** A page of non-voided statements matching the query, plus statements that reference a match. */
  public Page query(DSLContext dsl, StatementQuery q) {
    long snapshot = q.snapshotPk() != null ? q.snapshotPk() : lastPk(dsl);
    int limit = q.limit();
    XapiStatement s = XAPI_STATEMENT.as("s");
    Condition base = pageConditions(s, q, snapshot);
    var direct = dsl.select(s.ID, s.PAYLOAD).from(s).where(base.and(filters(s, q)))
        .orderBy(order(s, q)).limit(limit + 1);
    if (q.agentIfi() != null) {
      // Walk the agent's index rows in storage order and stop at the page size, instead of fetching every
      // statement of the agent and sorting them: a learner may have thousands.
      XapiStatement x = XAPI_STATEMENT.as("x");
      var pk = STATEMENT_TO_ACTOR.STATEMENT_PK;
      var pks = dsl.selectDistinct(pk).from(STATEMENT_TO_ACTOR).join(x).on(x.ID.eq(pk))
          .where(actorCondition(q).and(pageConditions(x, q, snapshot)).and(contentConditions(x, q)))
          .orderBy(q.ascending() ? pk.asc() : pk.desc()).limit(limit + 1);
      direct = dsl.select(s.ID, s.PAYLOAD).from(s).where(s.ID.in(pks)).orderBy(order(s, q)).limit(limit + 1);
    }
    List<Record2<Long, JSONB>> rows;
    if (hasContentFilter(q)) {
      // Statements targeting a matching statement through a StatementRef are returned too (xAPI 1.0.3, 2.1.6.1).
      // Two ordered, limited halves merged: an OR of both would keep PostgreSQL from using the filter indexes.
      XapiStatement r = XAPI_STATEMENT.as("r");
      XapiStatement t = XAPI_STATEMENT.as("t");
      var referring = dsl.select(r.ID, r.PAYLOAD).from(r)
          .join(STATEMENT_REFERENCE).on(STATEMENT_REFERENCE.STATEMENT_PK.eq(r.ID))
          .join(t).on(t.STATEMENT_ID.eq(STATEMENT_REFERENCE.TARGET_STATEMENT_ID))
          .where(pageConditions(r, q, snapshot).and(filters(t, q)))
          .orderBy(order(r, q)).limit(limit + 1);
      var merged = direct.union(referring).asTable("m");
      var id = merged.field(0, Long.class);
      var payload = merged.field(1, JSONB.class);
      rows = dsl.select(id, payload).from(merged)
          .orderBy(q.ascending() ? id.asc() : id.desc()).limit(limit + 1).fetch();
    } else {
      rows = direct.fetch();
    }
    boolean more = rows.size() > limit;
    List<Record2<Long, JSONB>> page = more ? rows.subList(0, limit) : rows;
    List<JsonObject> statements = new ArrayList<>(page.size());
    page.forEach(row -> statements.add(new JsonObject(row.value2().data())));
    Long last = page.isEmpty() ? null : page.get(page.size() - 1).value1();
    return new Page(statements, last, snapshot, more);
  }

  /** What every returned statement must satisfy: not voided, inside the snapshot, the time window, the page. */
  private static Condition pageConditions(XapiStatement s, StatementQuery q, long snapshot) {
    Condition where = s.IS_VOIDED.isFalse().and(s.ID.le(snapshot));
    if (q.since() != null) {
      where = where.and(s.STORED.gt(q.since()));
    }
    if (q.until() != null) {
      where = where.and(s.STORED.le(q.until()));
    }
    if (q.onlyCredentialId() != null) {
      where = where.and(s.CREDENTIAL_ID.eq(q.onlyCredentialId()));
    }
    if (q.afterPk() != null) {
      where = where.and(q.ascending() ? s.ID.gt(q.afterPk()) : s.ID.lt(q.afterPk()));
    }
    return where;
  }

  private static org.jooq.SortField<Long> order(XapiStatement s, StatementQuery q) {
    return q.ascending() ? s.ID.asc() : s.ID.desc();
  }

  private static boolean hasContentFilter(StatementQuery q) {
    return q.agentIfi() != null || q.verbIri() != null || q.activityIri() != null || q.registration() != null;
  }

  /** The conditions on what a statement says (agent, verb, activity, registration), applied to alias {@code s}. */
  private static Condition filters(XapiStatement s, StatementQuery q) {
    Condition c = contentConditions(s, q);
    if (q.agentIfi() != null) {
      c = c.and(DSL.exists(DSL.selectOne().from(STATEMENT_TO_ACTOR)
          .where(STATEMENT_TO_ACTOR.STATEMENT_PK.eq(s.ID).and(actorCondition(q)))));
    }
    return c;
  }

  /** The agent filter on statement_to_actor rows. */
  private static Condition actorCondition(StatementQuery q) {
    Condition actor = STATEMENT_TO_ACTOR.ACTOR_IFI.eq(q.agentIfi());
    if (!q.relatedAgents()) {
      actor = actor.and(STATEMENT_TO_ACTOR.USAGE.in(StatementIndexEntries.DIRECT_ACTOR_USAGES));
    }
    return actor;
  }

  /** Every filter but the agent's: verb, registration, activity. */
  private static Condition contentConditions(XapiStatement s, StatementQuery q) {
    Condition c = DSL.noCondition();
    if (q.verbIri() != null) {
      c = c.and(s.VERB_IRI.eq(q.verbIri()));
    }
    if (q.registration() != null) {
      c = c.and(s.REGISTRATION.eq(q.registration()));
    }
    if (q.activityIri() != null) {
      Condition activity = STATEMENT_TO_ACTIVITY.ACTIVITY_IRI.eq(q.activityIri());
      if (!q.relatedActivities()) {
        activity = activity.and(STATEMENT_TO_ACTIVITY.USAGE.in(StatementIndexEntries.DIRECT_ACTIVITY_USAGES));
      }
      c = c.and(DSL.exists(DSL.selectOne().from(STATEMENT_TO_ACTIVITY)
          .where(STATEMENT_TO_ACTIVITY.STATEMENT_PK.eq(s.ID).and(activity))));
    }
    return c;
  }

}
