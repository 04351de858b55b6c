package es.civica.xapi.statement;

import io.vertx.core.json.JsonObject;

/**
 * Whether a re-sent statement equals the stored one (then the LRS answers as if it stored it again) or conflicts
 * with it (409). Properties the LRS itself sets are left out of the comparison.
 */
final class StatementEquality {
  private StatementEquality() {
  }

  static boolean sameStatement(JsonObject stored, JsonObject submitted) {
    JsonObject a = stored.copy();
    JsonObject b = submitted.copy();
    for (String lrsSet : new String[] {"id", "stored", "authority", "version"}) {
      a.remove(lrsSet);
      b.remove(lrsSet);
    }
    if (!b.containsKey("timestamp")) {
      a.remove("timestamp");
    }
    return a.equals(b);
  }
}
