package es.civica.xapi;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/** GET /about: the xAPI versions this LRS speaks. Public: clients call it before they authenticate. */
public final class AboutResource {
  private final Set<XapiVersion> accepted;

  public AboutResource(Set<XapiVersion> accepted) {
    this.accepted = accepted;
  }

  public void register(XapiProtocol protocol) {
    protocol.route(HttpMethod.GET, "/about", this::about);
  }

  private Future<XapiResponse> about(XapiRequest request) {
    JsonArray versions = new JsonArray();
    if (accepted.contains(XapiVersion.V1_0_3)) {
      versions.add("1.0.0").add("1.0.1").add("1.0.2").add("1.0.3");
    }
    if (accepted.contains(XapiVersion.V2_0_0)) {
      versions.add("2.0.0");
    }
    return Future.succeededFuture(XapiResponse.json(200, new JsonObject()
        .put("version", versions)
        .put("extensions", new JsonObject().put("https://civica.app/xapi/extensions/lrs",
            new JsonObject().put("name", "Cívica LRS")))));
  }
}
