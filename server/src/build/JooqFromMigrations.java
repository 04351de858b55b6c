// Build step (run by exec-maven-plugin in generate-sources, with Java's single-file launcher):
// generates the jOOQ classes from the Flyway migrations, so migrations stay the single source of truth.
// It starts a throw-away embedded PostgreSQL, migrates it with Flyway, reads it with jOOQ's JDBC generator.
// jOOQ's DDLDatabase cannot parse our PostgreSQL DDL (TEXT indexes, jsonb operator classes), hence a real server.
// Usage: java -cp <compile classpath> JooqFromMigrations.java <migration dir> <target dir> <package>
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

public class JooqFromMigrations {
  public static void main(String[] args) throws Exception {
    Path migrations = Path.of(args[0]);
    Path target = Path.of(args[1]);
    String packageName = args[2];
    Path stamp = target.resolve(".migrations.sha256");

    String digest = digestOf(migrations);
    if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
      System.out.println("[jooq] migrations unchanged, generated classes are current");
      return;
    }

    Path pgDir = Files.createTempDirectory("jooq-codegen-pg");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setOverrideWorkingDirectory(pgDir.toFile()).start()) {
      String url = pg.getJdbcUrl("postgres", "postgres");
      Flyway.configure()
          .dataSource(url, "postgres", "postgres")
          .locations("filesystem:" + migrations.toAbsolutePath())
          .load()
          .migrate();

      Configuration configuration = new Configuration()
          .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres").withPassword("postgres"))
          .withGenerator(new Generator()
              .withDatabase(new Database()
                  .withName("org.jooq.meta.postgres.PostgresDatabase")
                  .withInputSchema("public")
                  .withExcludes("flyway_schema_history"))
              .withGenerate(new Generate().withRecords(true).withPojos(false).withFluentSetters(true))
              .withTarget(new Target().withPackageName(packageName).withDirectory(target.toString()).withClean(true)));
      GenerationTool.generate(configuration);
    }
    Files.writeString(stamp, digest);
  }

  private static String digestOf(Path dir) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      sha.update(f.getFileName().toString().getBytes());
      sha.update(Files.readAllBytes(f));
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
