package es.civica.xapi.statement;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** Agents, Groups, their inverse functional identifiers (IFIs) and the authority (Data 2.4.2, 2.4.9). */
final class ActorRules {

  static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");
  private static final Set<String> AGENT_KEYS = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid",
      "account");
  private static final Set<String> GROUP_KEYS = Set.of("objectType", "name", "member", "mbox", "mbox_sha1sum",
      "openid", "account");
  private static final Set<String> ACCOUNT_KEYS = Set.of("homePage", "name");

  private ActorRules() {}

  /** An Agent or a Group where an Agent may omit its objectType: actor, instructor. */
  static void agentOrGroup(Object value, String path) {
    JsonObject actor = Json.object(value, path);
    Object type = Json.optional(actor, "objectType", path);
    if (type == null || "Agent".equals(type)) {
      agent(actor, path);
    } else if ("Group".equals(type)) {
      group(actor, path);
    } else {
      throw Json.invalid(Json.child(path, "objectType"), "must be \"Agent\" or \"Group\"");
    }
  }

  /** An Agent (objectType "Agent" or absent) with exactly one IFI. */
  static void agent(Object value, String path) {
    JsonObject agent = Json.object(value, path);
    Json.allowOnly(agent, path, AGENT_KEYS);
    Object type = Json.optional(agent, "objectType", path);
    if (type != null && !"Agent".equals(type)) {
      throw Json.invalid(Json.child(path, "objectType"), "must be \"Agent\"");
    }
    name(agent, path);
    int ifis = ifis(agent, path);
    if (ifis != 1) {
      throw Json.invalid(path, ifis == 0
          ? "must have an identifier (mbox, mbox_sha1sum, openid or account)"
          : "must have exactly one of mbox, mbox_sha1sum, openid, account");
    }
  }

  /**
   * A Group (objectType "Group" required). Identified groups have exactly one IFI and may list members; anonymous
   * groups have no IFI and must list at least one member. Members are Agents only.
   */
  static void group(Object value, String path) {
    JsonObject group = Json.object(value, path);
    Json.allowOnly(group, path, GROUP_KEYS);
    if (!"Group".equals(Json.required(group, "objectType", path))) {
      throw Json.invalid(Json.child(path, "objectType"), "must be \"Group\"");
    }
    name(group, path);
    int ifis = ifis(group, path);
    if (ifis > 1) {
      throw Json.invalid(path, "must have at most one of mbox, mbox_sha1sum, openid, account");
    }
    Object member = Json.optional(group, "member", path);
    if (member == null) {
      if (ifis == 0) {
        throw Json.invalid(Json.child(path, "member"), "is required for an anonymous group");
      }
      return;
    }
    JsonArray members = Json.array(member, Json.child(path, "member"));
    if (ifis == 0 && members.isEmpty()) {
      throw Json.invalid(Json.child(path, "member"), "must not be empty for an anonymous group");
    }
    Json.eachItem(members, Json.child(path, "member"), ActorRules::member);
  }

  /**
   * The authority: an Agent, or — for three-legged OAuth — an anonymous Group of exactly two Agents (the
   * application and the user). The suite rejects identified groups and any other member count.
   */
  static void authority(Object value, String path) {
    JsonObject authority = Json.object(value, path);
    Object type = Json.optional(authority, "objectType", path);
    if (type == null || "Agent".equals(type)) {
      agent(authority, path);
      return;
    }
    if (!"Group".equals(type)) {
      throw Json.invalid(Json.child(path, "objectType"), "must be \"Agent\" or \"Group\"");
    }
    group(authority, path);
    if (ifis(authority, path) != 0) {
      throw Json.invalid(path, "must be an anonymous group when it is a group (OAuth application and user)");
    }
    if (authority.getJsonArray("member").size() != 2) {
      throw Json.invalid(Json.child(path, "member"), "must hold exactly two agents (OAuth application and user)");
    }
  }

  static boolean hasIfi(JsonObject object) {
    return IFIS.stream().anyMatch(object::containsKey);
  }

  private static void member(Object value, String path) {
    JsonObject member = Json.object(value, path);
    if ("Group".equals(member.getValue("objectType"))) {
      throw Json.invalid(path, "must be an Agent: groups cannot be members of groups");
    }
    agent(member, path);
  }

  private static void name(JsonObject actor, String path) {
    Object name = Json.optional(actor, "name", path);
    if (name != null) {
      Json.string(name, Json.child(path, "name"));
    }
  }

  /** Validates each IFI present and counts them. */
  private static int ifis(JsonObject actor, String path) {
    int count = 0;
    Object mbox = Json.optional(actor, "mbox", path);
    if (mbox != null) {
      count++;
      if (!Formats.isMailtoIri(Json.string(mbox, Json.child(path, "mbox")))) {
        throw Json.invalid(Json.child(path, "mbox"), "must be a mailto: IRI");
      }
    }
    Object sha1 = Json.optional(actor, "mbox_sha1sum", path);
    if (sha1 != null) {
      count++;
      if (!Formats.isSha1Hex(Json.string(sha1, Json.child(path, "mbox_sha1sum")))) {
        throw Json.invalid(Json.child(path, "mbox_sha1sum"), "must be a hex-encoded SHA-1 (40 hex digits)");
      }
    }
    Object openid = Json.optional(actor, "openid", path);
    if (openid != null) {
      count++;
      if (!Formats.isIri(Json.string(openid, Json.child(path, "openid")))) {
        throw Json.invalid(Json.child(path, "openid"), "must be a URI");
      }
    }
    Object account = Json.optional(actor, "account", path);
    if (account != null) {
      count++;
      account(account, Json.child(path, "account"));
    }
    return count;
  }

  private static void account(Object value, String path) {
    JsonObject account = Json.object(value, path);
    Json.allowOnly(account, path, ACCOUNT_KEYS);
    String homePage = Json.string(Json.required(account, "homePage", path), Json.child(path, "homePage"));
    if (!Formats.isIrl(homePage)) {
      throw Json.invalid(Json.child(path, "homePage"), "must be an IRL");
    }
    String name = Json.string(Json.required(account, "name", path), Json.child(path, "name"));
    if (name.isEmpty()) {
      throw Json.invalid(Json.child(path, "name"), "must not be empty");
    }
  }
}
