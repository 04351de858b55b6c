package es.civica.learning;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * A signed-in learner. Their xAPI agent is {@code account {homePage: CIVICA_PUBLIC_URL, name: id}}.
 *
 * @param id    account id (also the xAPI account name)
 * @param email sign-in email
 * @param name  display name
 */
public record Learner(UUID id, String email, String name) {

  public JsonObject agent(String homePage) {
    return new JsonObject()
        .put("objectType", "Agent")
        .put("name", name)
        .put("account", new JsonObject().put("homePage", homePage).put("name", id.toString()));
  }

  /** The agent's inverse functional identifier as the LRS indexes it (see AgentIdentity). */
  public String ifi(String homePage) {
    return "account::" + homePage + "::" + id;
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id.toString()).put("email", email).put("name", name);
  }
}
