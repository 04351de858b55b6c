package es.civica.learning;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * A learner. A local account's xAPI agent is {@code account {homePage: CIVICA_PUBLIC_URL, name: id}}; a learner
 * who comes from an LMS (SCORM / cmi5 dispatch) keeps the LMS's identity,
 * {@code account {homePage: <LMS base URL>, name: <LMS learner id>}}.
 *
 * @param id            account id (the xAPI account name of a local account)
 * @param email         sign-in email (null for an LMS learner)
 * @param name          display name
 * @param agentHomePage the LMS base URL of an LMS learner, else null
 * @param agentName     the LMS learner id of an LMS learner, else null
 */
public record Learner(UUID id, String email, String name, String agentHomePage, String agentName) {

  /** A local account. */
  public Learner(UUID id, String email, String name) {
    this(id, email, name, null, null);
  }

  public boolean fromLms() {
    return agentHomePage != null;
  }

  public JsonObject agent(String homePage) {
    return new JsonObject()
        .put("objectType", "Agent")
        .put("name", name)
        .put("account", new JsonObject().put("homePage", accountHomePage(homePage)).put("name", accountName()));
  }

  /** The agent's inverse functional identifier as the LRS indexes it (see AgentIdentity). */
  public String ifi(String homePage) {
    return "account::" + accountHomePage(homePage) + "::" + accountName();
  }

  private String accountHomePage(String homePage) {
    return fromLms() ? agentHomePage : homePage;
  }

  private String accountName() {
    return fromLms() ? agentName : id.toString();
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id.toString()).put("email", email).put("name", name);
    if (fromLms()) {
      json.put("lms", new JsonObject().put("homePage", agentHomePage).put("learnerId", agentName));
    }
    return json;
  }
}
