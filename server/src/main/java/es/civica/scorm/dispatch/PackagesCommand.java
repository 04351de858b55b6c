package es.civica.scorm.dispatch;

import es.civica.content.ContentLoader;
import es.civica.content.Course;
import es.civica.scorm.ScormPackager;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds every package of the course the server ships (the real content, as the server loads it) for one LMS
 * registration into a folder, signed with this server's dispatch secret ({@code <data dir>/dispatch-secret}):
 * the same zips as {@code /scorm/packages/...}, without a running server. Run by {@code scripts/build-scorm-packages
 * --registration <id> --out <folder>}. The registration must exist on the server (admin API) for launches to work.
 */
public final class PackagesCommand {
  static final String USAGE = """
      usage: build-scorm-packages --registration <id> --out <folder> [--server <public URL>] [--data-dir <folder>]
        --server    defaults to CIVICA_PUBLIC_URL, else http://localhost:8080
        --data-dir  defaults to CIVICA_DATA_DIR, else ./data (where the server keeps dispatch-secret)""";

  private PackagesCommand() {
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!List.of("--registration", "--out", "--server", "--data-dir").contains(args[i]) || i + 1 >= args.length) {
        err.println(USAGE);
        return 2;
      }
      options.put(args[i].substring(2), args[++i]);
    }
    String registration = options.get("registration");
    if (!DispatchSigner.validRegistrationId(registration) || options.get("out") == null) {
      err.println("--registration (a-z, 0-9, '-') and --out are required\n" + USAGE);
      return 2;
    }
    String server = options.getOrDefault("server", env.getOrDefault("CIVICA_PUBLIC_URL", "http://localhost:8080"))
        .replaceAll("/+$", "");
    Path dataDir = Path.of(options.getOrDefault("data-dir", env.getOrDefault("CIVICA_DATA_DIR", "data"))).toAbsolutePath();
    if (!Files.exists(dataDir.resolve("dispatch-secret"))) {
      out.println("No dispatch secret in " + dataDir + " yet: creating one (the server will use it too).");
    }
    Course course = ContentLoader.fromClasspath();
    CoursePackages packages = new CoursePackages(course, server, DispatchSigner.fromDataDir(dataDir));
    Path folder = Path.of(options.get("out"));
    List<Path> files = packages.writeAll(registration, folder);
    Files.createDirectories(folder.resolve("cmi5-launch"));
    for (Map.Entry<String, byte[]> f : ScormPackager.cmi5LaunchFiles(server).entrySet()) {
      Files.write(folder.resolve("cmi5-launch").resolve(f.getKey()), f.getValue());
    }
    out.println(files.size() + " packages for registration " + registration + " (server " + server + ") in "
        + folder.toAbsolutePath());
    return 0;
  }
}
