package es.civica.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.jooq.DSLContext;

import java.util.function.Function;

/**
 * The one place where JDBC work runs: a named worker pool as large as the connection pool, so no event-loop
 * thread ever blocks on the database.
 */
public final class DatabaseWorker {
  private final Database database;
  private final WorkerExecutor executor;

  public DatabaseWorker(Vertx vertx, Database database, int poolSize) {
    this(vertx, database, poolSize, "civica-db");
  }

  /**
   * A worker lane of its own (same connection pool), for background work that must not queue behind requests, e.g.
   * the gamification projector.
   */
  public DatabaseWorker(Vertx vertx, Database database, int poolSize, String name) {
    this.database = database;
    this.executor = vertx.createSharedWorkerExecutor(name, poolSize);
  }

  /** Runs a query off the event loop. */
  public <T> Future<T> query(Function<DSLContext, T> work) {
    return executor.executeBlocking(() -> work.apply(database.dsl()), false);
  }

  /** Runs work in one transaction off the event loop: all of it commits, or none. */
  public <T> Future<T> transaction(Function<DSLContext, T> work) {
    return executor.executeBlocking(
        () -> database.dsl().transactionResult(configuration -> work.apply(configuration.dsl())), false);
  }

  public Database database() {
    return database;
  }

  public void close() {
    executor.close();
  }
}
