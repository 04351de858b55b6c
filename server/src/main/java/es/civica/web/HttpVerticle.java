package es.civica.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.vertx.core.Vertx;

/** The HTTP server. The route table is assembled by {@link Routes}; stopping lets in-flight requests finish. */
public final class HttpVerticle extends VerticleBase {
  private final int port;
  private final Function<Vertx, Router> routes;
  private HttpServer server;

  public HttpVerticle(int port, Function<Vertx, Router> routes) {
    this.port = port;
    this.routes = routes;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer();
    return server.requestHandler(routes.apply(vertx)).listen(port);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown(20, TimeUnit.SECONDS);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
