package es.civica.xapi;

import io.vertx.core.Future;

/** Handles one xAPI resource method; the future fails with an {@link XapiException} for a refused request. */
@FunctionalInterface
public interface XapiHandler {
  Future<XapiResponse> handle(XapiRequest request);
}
