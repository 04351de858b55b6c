package es.civica.xapi.statement;

import es.civica.xapi.XapiException;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque `more` cursor of a statement query: the filters, the last storage id served and the storage id that
 * bounded the first page. Bounding every page by that snapshot keeps paging exact while new statements arrive.
 */
final class MoreToken {
  private MoreToken() {
  }

  static String encode(StatementQuery q, String format, boolean attachments) {
    JsonObject json = new JsonObject()
        .put("agent", q.agentIfi()).put("verb", q.verbIri()).put("activity", q.activityIri())
        .put("registration", q.registration() == null ? null : q.registration().toString())
        .put("relatedActivities", q.relatedActivities()).put("relatedAgents", q.relatedAgents())
        .put("since", q.since() == null ? null : q.since().toString())
        .put("until", q.until() == null ? null : q.until().toString())
        .put("limit", q.limit()).put("ascending", q.ascending())
        .put("after", q.afterPk()).put("snapshot", q.snapshotPk()).put("only", q.onlyCredentialId())
        .put("format", format).put("attachments", attachments);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  static StatementQuery decode(String token) {
    JsonObject j = json(token);
    return new StatementQuery(j.getString("agent"), j.getString("verb"), j.getString("activity"),
        j.getString("registration") == null ? null : UUID.fromString(j.getString("registration")),
        j.getBoolean("relatedActivities", false), j.getBoolean("relatedAgents", false),
        j.getString("since") == null ? null : OffsetDateTime.parse(j.getString("since")),
        j.getString("until") == null ? null : OffsetDateTime.parse(j.getString("until")),
        j.getInteger("limit", StatementRoutes.MAX_LIMIT), j.getBoolean("ascending", false),
        j.getLong("after"), j.getLong("snapshot"), j.getLong("only"));
  }

  static String format(String token) {
    return json(token).getString("format", "exact");
  }

  static boolean attachments(String token) {
    return json(token).getBoolean("attachments", false);
  }

  private static JsonObject json(String token) {
    try {
      return new JsonObject(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw XapiException.badRequest("Invalid more token");
    }
  }
}
