package es.civica.scorm.dispatch;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;

/**
 * A registration of an LMS that imports our packages (the "dispatch" of commercial products).
 *
 * @param id        short id, {@code [a-z0-9][a-z0-9-]*}, in package URLs and bindings
 * @param name      the LMS's name, for admins
 * @param origin    {@code scheme://host[:port]} of the LMS pages that launch (checked on launch, allowed to frame
 *                  the player)
 * @param baseUrl   the LMS's base URL: the xAPI account homePage of its learners
 * @param seatCap   most distinct learners who may launch, or null for no cap
 * @param expires   launches refused from then on, or null
 * @param created   when it was registered
 * @param revoked   when an admin revoked it, or null
 * @param seatsUsed distinct learners who launched so far
 * @param organisation the directory organisation its learners belong to (they have no e-mail), or null
 */
public record LmsRegistration(String id, String name, String origin, String baseUrl, Integer seatCap,
                              OffsetDateTime expires, OffsetDateTime created, OffsetDateTime revoked, int seatsUsed,
                              String organisation) {

  /** Why a launch through this registration is refused now, or null when it is allowed (seats aside). */
  public String refusal(OffsetDateTime now) {
    if (revoked != null) {
      return "revoked";
    }
    if (expires != null && !expires.isAfter(now)) {
      return "expired";
    }
    return null;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("origin", origin)
        .put("baseUrl", baseUrl)
        .put("seatCap", seatCap)
        .put("seatsUsed", seatsUsed)
        .put("organisation", organisation)
        .put("expires", expires == null ? null : expires.toInstant().toString())
        .put("created", created.toInstant().toString())
        .put("revoked", revoked == null ? null : revoked.toInstant().toString());
  }
}
