package es.civica.desk;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * A desk account. {@code organisations} and {@code units} scope what an hr or school account sees (an admin sees
 * everything): a school sees completions in its units or by learners of its organisations; hr sees its
 * organisations.
 */
public record Staff(long id, String email, String name, Role role, Set<String> organisations, Set<String> units,
                    boolean disabled) {

  public enum Role {
    ADMIN, HR, SCHOOL;

    public String text() {
      return name().toLowerCase();
    }

    public static Role parse(String text) {
      return valueOf(text.toUpperCase());
    }
  }

  public boolean sees(String unitIri, String organisation) {
    return role == Role.ADMIN
        || (unitIri != null && units.contains(unitIri))
        || (organisation != null && organisations.contains(organisation));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("email", email).put("name", name).put("role", role.text())
        .put("organisations", new JsonArray(organisations.stream().sorted().toList()))
        .put("units", new JsonArray(units.stream().sorted().toList()))
        .put("disabled", disabled);
  }
}
