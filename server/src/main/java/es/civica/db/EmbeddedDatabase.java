package es.civica.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the product starts by itself when no database URL is configured. Its data lives under
 * {@code <dataDir>/postgres} and survives restarts. Durability settings are explicit (zonky's defaults favour test
 * speed): a statement the LRS acknowledged must survive a crash.
 */
final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path dataDir) throws IOException {
    Path pgData = dataDir.resolve("postgres");
    Files.createDirectories(dataDir);
    stopOrphanedServer(pgData);
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(dataDir.resolve("pg-binaries").toFile())
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("max_connections", "100")
        .setPGStartupWait(Duration.ofSeconds(180))
        .start();
    LOG.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), pgData);
    return new EmbeddedDatabase(pg);
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /**
   * After a {@code kill -9} of the server, its PostgreSQL child keeps running and holds the data folder.
   * Stop it (fast shutdown, which still flushes the WAL) so this start can take the folder over.
   */
  private static void stopOrphanedServer(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid = Long.parseLong(lines.get(0).trim());
    var process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return;
    }
    LOG.warn("An earlier embedded PostgreSQL (pid {}) still runs on {}: stopping it", pid, pgData);
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
      process.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("Could not stop the orphaned PostgreSQL (pid " + pid + ")", e);
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
