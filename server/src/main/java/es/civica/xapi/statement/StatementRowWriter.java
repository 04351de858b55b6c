package es.civica.xapi.statement;

import static es.civica.db.generated.Tables.STATEMENT_REFERENCE;
import static es.civica.db.generated.Tables.STATEMENT_TO_ACTIVITY;
import static es.civica.db.generated.Tables.STATEMENT_TO_ACTOR;
import static es.civica.db.generated.Tables.XAPI_STATEMENT;

import es.civica.db.Chunks;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the rows of a batch of statements with plain JDBC: the statement rows (one multi-row INSERT … RETURNING per
 * chunk) and their index rows (JDBC batches, which the driver rewrites into multi-row inserts). The SQL is rendered
 * by jOOQ from the generated tables, once per shape, and cached. Why not jOOQ's own execution: rendering and binding
 * a hundred rows of eight values through jOOQ's query model on every request cost more CPU than the rest of the
 * insert path on the Java side, for SQL that never changes.
 */
final class StatementRowWriter {

  /** Statement rows per INSERT: 8 parameters each, far below PostgreSQL's 65,535 bind parameters. */
  private static final int CHUNK = 250;

  private static final Map<Integer, String> STATEMENT_INSERTS = new ConcurrentHashMap<>();
  private static final String ACTOR_INSERT = DSL.using(org.jooq.SQLDialect.POSTGRES).render(
      DSL.insertInto(STATEMENT_TO_ACTOR, STATEMENT_TO_ACTOR.STATEMENT_PK, STATEMENT_TO_ACTOR.ACTOR_IFI,
          STATEMENT_TO_ACTOR.USAGE).values((Long) null, null, null));
  private static final String ACTIVITY_INSERT = DSL.using(org.jooq.SQLDialect.POSTGRES).render(
      DSL.insertInto(STATEMENT_TO_ACTIVITY, STATEMENT_TO_ACTIVITY.STATEMENT_PK, STATEMENT_TO_ACTIVITY.ACTIVITY_IRI,
          STATEMENT_TO_ACTIVITY.USAGE).values((Long) null, null, null));
  private static final String REFERENCE_INSERT = DSL.using(org.jooq.SQLDialect.POSTGRES).render(
      DSL.insertInto(STATEMENT_REFERENCE, STATEMENT_REFERENCE.STATEMENT_PK, STATEMENT_REFERENCE.TARGET_STATEMENT_ID)
          .values((Long) null, null));

  private StatementRowWriter() {
  }

  /**
   * Inserts the statement rows, skipping ids already stored (ON CONFLICT DO NOTHING).
   *
   * @return the storage id of every statement really inserted, by statement id
   */
  static Map<UUID, Long> insertStatements(DSLContext dsl, List<PreparedStatement> batch) {
    Map<UUID, Long> pks = new HashMap<>();
    dsl.connection(c -> {
      for (List<PreparedStatement> chunk : Chunks.of(batch, CHUNK)) {
        String sql = STATEMENT_INSERTS.computeIfAbsent(chunk.size(), StatementRowWriter::statementInsert);
        try (java.sql.PreparedStatement insert = c.prepareStatement(sql)) {
          int p = 1;
          for (PreparedStatement s : chunk) {
            insert.setObject(p++, s.id());
            setUuid(insert, p++, s.registration());
            insert.setString(p++, s.verbIri());
            setUuid(insert, p++, s.voidsStatementId());
            insert.setObject(p++, s.stored());
            insert.setObject(p++, s.timestamp());
            if (s.credentialId() == null) {
              insert.setNull(p++, Types.BIGINT);
            } else {
              insert.setLong(p++, s.credentialId());
            }
            insert.setString(p++, s.payload().encode());
          }
          try (ResultSet keys = insert.executeQuery()) {
            while (keys.next()) {
              pks.put(keys.getObject(2, UUID.class), keys.getLong(1));
            }
          }
        }
      }
    });
    return pks;
  }

  /** The index rows of freshly inserted statements ({@code pks}: their storage ids). */
  static void insertIndexRows(DSLContext dsl, List<PreparedStatement> fresh, Map<UUID, Long> pks) {
    dsl.connection(c -> {
      try (java.sql.PreparedStatement actors = c.prepareStatement(ACTOR_INSERT);
           java.sql.PreparedStatement activities = c.prepareStatement(ACTIVITY_INSERT);
           java.sql.PreparedStatement references = c.prepareStatement(REFERENCE_INSERT)) {
        int actorRows = 0;
        int activityRows = 0;
        int referenceRows = 0;
        for (PreparedStatement s : fresh) {
          long pk = pks.get(s.id());
          for (StatementIndexEntries.Entry e : s.index().actors()) {
            addRow(actors, pk, e.key(), e.usage());
            actorRows++;
          }
          for (StatementIndexEntries.Entry e : s.index().activities()) {
            addRow(activities, pk, e.key(), e.usage());
            activityRows++;
          }
          for (String target : s.index().referencedStatementIds()) {
            references.setLong(1, pk);
            references.setObject(2, UUID.fromString(target));
            references.addBatch();
            referenceRows++;
          }
        }
        executeIfAny(actors, actorRows);
        executeIfAny(activities, activityRows);
        executeIfAny(references, referenceRows);
      }
    });
  }

  private static String statementInsert(int rows) {
    var x = XAPI_STATEMENT;
    var insert = DSL.insertInto(x, x.STATEMENT_ID, x.REGISTRATION, x.VERB_IRI, x.VOIDS_STATEMENT_ID, x.STORED,
        x.TIMESTAMP, x.CREDENTIAL_ID, x.PAYLOAD);
    for (int i = 0; i < rows; i++) {
      insert = insert.values(DSL.val((UUID) null, x.STATEMENT_ID), DSL.val((UUID) null, x.REGISTRATION),
          DSL.val((String) null, x.VERB_IRI), DSL.val((UUID) null, x.VOIDS_STATEMENT_ID),
          DSL.val((OffsetDateTime) null, x.STORED), DSL.val((OffsetDateTime) null, x.TIMESTAMP),
          DSL.val((Long) null, x.CREDENTIAL_ID), DSL.val((JSONB) null, x.PAYLOAD));
    }
    return DSL.using(org.jooq.SQLDialect.POSTGRES).render(
        insert.onConflict(x.STATEMENT_ID).doNothing().returning(x.ID, x.STATEMENT_ID));
  }

  private static void setUuid(java.sql.PreparedStatement ps, int index, UUID value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.OTHER);
    } else {
      ps.setObject(index, value);
    }
  }

  private static void addRow(java.sql.PreparedStatement ps, long pk, String key, String usage) throws SQLException {
    ps.setLong(1, pk);
    ps.setString(2, key);
    ps.setString(3, usage);
    ps.addBatch();
  }

  private static void executeIfAny(java.sql.PreparedStatement ps, int rows) throws SQLException {
    if (rows > 0) {
      ps.executeBatch();
    }
  }
}
