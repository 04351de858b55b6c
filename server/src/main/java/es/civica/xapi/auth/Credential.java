package es.civica.xapi.auth;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * An LRS credential (HTTP Basic key + secret). The LRS records statements written with it under an authority
 * naming the key, so "statements/read/mine" can find them again.
 */
public record Credential(long id, String apiKey, Set<Scope> scopes, String label, OffsetDateTime created,
                         OffsetDateTime revokedAt) {

  public boolean active() {
    return revokedAt == null;
  }

  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }

  public boolean canWriteStatements() {
    return has(Scope.ALL) || has(Scope.STATEMENTS_WRITE);
  }

  /** May read every statement (not only its own). */
  public boolean canReadAllStatements() {
    return has(Scope.ALL) || has(Scope.ALL_READ) || has(Scope.STATEMENTS_READ);
  }

  public boolean canReadOwnStatements() {
    return canReadAllStatements() || has(Scope.STATEMENTS_READ_MINE);
  }

  public boolean canWriteState() {
    return has(Scope.ALL) || has(Scope.STATE);
  }

  public boolean canReadState() {
    return canWriteState() || has(Scope.ALL_READ);
  }

  public boolean canWriteProfiles() {
    return has(Scope.ALL) || has(Scope.PROFILE);
  }

  public boolean canReadProfiles() {
    return canWriteProfiles() || has(Scope.ALL_READ);
  }

  public boolean canReadDefinitions() {
    return has(Scope.ALL) || has(Scope.ALL_READ) || has(Scope.DEFINE) || has(Scope.STATEMENTS_READ);
  }

  /** The authority the LRS puts on statements stored with this credential. */
  public JsonObject authority(String homePage) {
    return new JsonObject()
        .put("objectType", "Agent")
        .put("name", label)
        .put("account", new JsonObject().put("homePage", homePage).put("name", apiKey));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("key", apiKey)
        .put("label", label)
        .put("scopes", scopes.stream().map(Scope::text).sorted().toList())
        .put("created", created.toString());
    if (revokedAt != null) {
      json.put("revoked", revokedAt.toString());
    }
    return json;
  }
}
