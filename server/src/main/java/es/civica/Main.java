package es.civica;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the server. Configuration: the JSON file named by CIVICA_CONFIG (default {@code config.json} in the
 * working folder, optional), overridden by environment variables (see README, "Configuration").
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.from(readConfig());
    Application app = Application.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Stopping: finishing in-flight requests, then closing the database");
      try {
        app.close();
      } catch (Exception e) {
        LOG.error("Error while stopping", e);
      }
      stopped.countDown();
    }, "civica-shutdown"));
    stopped.await();
  }

  static JsonObject readConfig() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      String path = System.getenv().getOrDefault("CIVICA_CONFIG", "config.json");
      ConfigRetrieverOptions options = new ConfigRetrieverOptions()
          .addStore(new ConfigStoreOptions().setType("file").setOptional(true)
              .setConfig(new JsonObject().put("path", path)))
          .addStore(new ConfigStoreOptions().setType("env"));
      return ConfigRetriever.create(vertx, options).getConfig().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close();
    }
  }
}
