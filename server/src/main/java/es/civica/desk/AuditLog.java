package es.civica.desk;

import static es.civica.db.generated.Tables.AUDIT_LOG;

import io.vertx.core.json.JsonObject;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The audit log: who did what, when. Written in the same transaction as the action it records. */
public final class AuditLog {

  public record Entry(long id, OffsetDateTime at, String actor, String action, String target, JsonObject details,
                      String clientIp) {
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("at", at.toString()).put("actor", actor).put("action", action)
          .put("target", target).put("details", details).put("clientIp", clientIp);
    }
  }

  /** Who acts: a staff account, or the holder of the admin secret (id null). */
  public record Actor(Long id, String email, String clientIp) {
  }

  public void record(DSLContext dsl, Actor actor, String action, String target, JsonObject details) {
    dsl.insertInto(AUDIT_LOG)
        .set(AUDIT_LOG.AT, OffsetDateTime.now(ZoneOffset.UTC))
        .set(AUDIT_LOG.ACTOR_ID, actor.id())
        .set(AUDIT_LOG.ACTOR_EMAIL, actor.email())
        .set(AUDIT_LOG.ACTION, action)
        .set(AUDIT_LOG.TARGET, target)
        .set(AUDIT_LOG.DETAILS, JSONB.valueOf(details.encode()))
        .set(AUDIT_LOG.CLIENT_IP, actor.clientIp())
        .execute();
  }

  /** Entries in [from, to), newest first, at most limit. */
  public List<Entry> list(DSLContext dsl, OffsetDateTime from, OffsetDateTime to, int limit) {
    return dsl.selectFrom(AUDIT_LOG)
        .where(AUDIT_LOG.AT.ge(from).and(AUDIT_LOG.AT.lt(to)))
        .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.ID.desc())
        .limit(limit)
        .fetch(r -> new Entry(r.getId(), r.getAt(), r.getActorEmail(), r.getAction(), r.getTarget(),
            new JsonObject(r.getDetails().data()), r.getClientIp()));
  }
}
