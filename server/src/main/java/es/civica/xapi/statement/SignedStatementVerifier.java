package es.civica.xapi.statement;

import io.vertx.core.json.JsonObject;

// PLACEHOLDER until the xapi-validation branch is merged (not to be committed)
public class SignedStatementVerifier {
  public static void verify(JsonObject s, byte[] jws) {
  }
}
