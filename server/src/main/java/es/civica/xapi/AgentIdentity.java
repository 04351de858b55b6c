package es.civica.xapi;

import io.vertx.core.json.JsonObject;

import java.util.Optional;

/**
 * The inverse functional identifier (IFI) of an agent or identified group as one string, the key under which
 * the LRS indexes and compares actors: {@code mbox::mailto:a@b}, {@code mbox_sha1sum::<hex>}, {@code openid::<uri>},
 * {@code account::<homePage>::<name>}.
 */
public final class AgentIdentity {
  private AgentIdentity() {
  }

  public static Optional<String> ifi(JsonObject agent) {
    if (agent == null) {
      return Optional.empty();
    }
    if (agent.getValue("mbox") instanceof String mbox) {
      return Optional.of("mbox::" + mbox);
    }
    if (agent.getValue("mbox_sha1sum") instanceof String sha) {
      return Optional.of("mbox_sha1sum::" + sha.toLowerCase());
    }
    if (agent.getValue("openid") instanceof String openid) {
      return Optional.of("openid::" + openid);
    }
    if (agent.getValue("account") instanceof JsonObject account
        && account.getValue("homePage") instanceof String homePage
        && account.getValue("name") instanceof String name) {
      return Optional.of("account::" + homePage + "::" + name);
    }
    return Optional.empty();
  }

  public static String requireIfi(JsonObject agent, String what) {
    return ifi(agent).orElseThrow(() -> XapiException.badRequest(what + " must identify an agent by mbox, mbox_sha1sum, openid or account"));
  }
}
