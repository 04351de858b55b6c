package es.civica.certification;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;

/**
 * One line of the certificates' audit log: who did what to which certificate, when.
 *
 * @param id            its order
 * @param at            when
 * @param actor         who: {@code system} for automatic issues, else the admin as named in the request
 * @param action        {@code issued}, {@code renewed}, {@code revoked}
 * @param certificateId the certificate
 * @param details       e.g. the reason of a revocation, the certificate a renewal replaces
 */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String certificateId,
                         JsonObject details) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("at", at.toString()).put("actor", actor).put("action", action)
        .put("certificateId", certificateId).put("details", details);
  }
}
