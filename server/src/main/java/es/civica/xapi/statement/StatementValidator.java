package es.civica.xapi.statement;

import es.civica.xapi.XapiVersion;
import io.vertx.core.json.JsonObject;

// PLACEHOLDER until the xapi-validation branch is merged (not to be committed)
public class StatementValidator {
  public void validate(JsonObject s, XapiVersion v) {
    if (s.getJsonObject("actor") == null) throw new InvalidStatementException("actor is required");
    if (s.getJsonObject("verb") == null) throw new InvalidStatementException("verb is required");
    if (s.getJsonObject("object") == null) throw new InvalidStatementException("object is required");
  }
  public void validateActor(JsonObject a, XapiVersion v) {}
  public JsonObject normalize(JsonObject s) { return s.copy(); }
}
