package es.civica.organisation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * An organisation of the directory: the stable id desks scope by (lowercase, usually its main e-mail domain), the
 * name shown to staff and offered to learners, and the e-mail domains whose learners belong to it.
 */
public record Organisation(String id, String name, List<String> domains) {

  public Organisation {
    domains = List.copyOf(domains);
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("domains", new JsonArray(domains));
  }
}
