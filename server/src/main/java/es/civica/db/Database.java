package es.civica.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import es.civica.Settings;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * The product's PostgreSQL: the configured server, or an embedded one. Migrates it with Flyway at start and
 * hands out the jOOQ context. All of it is blocking: callers reach it through {@link DatabaseWorker}.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final EmbeddedDatabase embedded;
  private final HikariDataSource dataSource;
  private final DSLContext dsl;
  private final java.util.Map<String, SingleWriterCache<?, ?>> caches = new java.util.concurrent.ConcurrentHashMap<>();

  private Database(EmbeddedDatabase embedded, HikariDataSource dataSource) {
    this.embedded = embedded;
    this.dataSource = dataSource;
    this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
  }

  /** Starts (or connects to) the database and applies pending migrations. Blocking. */
  public static Database open(Settings settings) throws Exception {
    EmbeddedDatabase embedded = null;
    String url = settings.dbUrl();
    String user = settings.dbUser();
    String password = settings.dbPassword();
    if (url == null) {
      embedded = EmbeddedDatabase.start(settings.dataDir());
      url = embedded.jdbcUrl();
      user = "postgres";
      password = "postgres";
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(settings.dbPoolSize());
    config.setPoolName("civica-db");
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
      migrate(dataSource);
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
    LOG.info("Database ready ({})", embedded == null ? "external " + url : "embedded");
    return new Database(embedded, dataSource);
  }

  static void migrate(DataSource dataSource) {
    // Features own version ranges (LRS V1–V9, player V10–V19, certificates V20–V29, SCORM V30–V39, gamification
    // V40–V49, desks V50–V59) and land in any order: a database that already has V11 must still take a new V4.
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true).load().migrate();
  }

  public DSLContext dsl() {
    return dsl;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean embedded() {
    return embedded != null;
  }

  /**
   * The database's cache of that name, shared by every user of this Database; null with an external database, where
   * this server is not the only writer (see {@link SingleWriterCache}).
   */
  @SuppressWarnings("unchecked")
  public <K, V> SingleWriterCache<K, V> singleWriterCache(String name, int maxEntries) {
    if (embedded == null) {
      return null;
    }
    return (SingleWriterCache<K, V>) caches.computeIfAbsent(name, n -> new SingleWriterCache<>(maxEntries));
  }

  @Override
  public void close() throws Exception {
    dataSource.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
