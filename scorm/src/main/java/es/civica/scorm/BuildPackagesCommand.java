package es.civica.scorm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds every package of a course into a folder: for each of SCORM 1.2, SCORM 2004 4th edition and cmi5, the
 * whole course and each unit alone; plus {@code cmi5-launch/}, the AU launch page the server serves.
 *
 * <pre>
 * BuildPackagesCommand --course course-info.json --out target/packages \
 *     --server https://civica.example.org --registration moodle-demo [--binding TOKEN]
 * </pre>
 * The binding may come from the environment variable {@code CIVICA_DISPATCH_BINDING} instead of the command
 * line (which other users of the machine can read).
 */
public final class BuildPackagesCommand {

    static final String BINDING_ENV = "CIVICA_DISPATCH_BINDING";
    private static final String USAGE = """
            usage: build-scorm-packages --course <course-info.json> --out <folder> --server <base URL>
                                        --registration <dispatch registration id> [--binding <signed binding>]
              --binding defaults to the environment variable %s""".formatted(BINDING_ENV);

    private BuildPackagesCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(BINDING_ENV), System.out, System.err));
    }

    /** Runs the command; returns the process exit code (0 done, 1 failed, 2 bad usage). */
    static int run(String[] args, String bindingFromEnvironment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        if (List.of(args).contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!List.of("--course", "--out", "--server", "--registration", "--binding").contains(name)
                    || i + 1 >= args.length) {
                err.println("unknown or incomplete option " + name + "\n" + USAGE);
                return 2;
            }
            options.put(name.substring(2), args[++i]);
        }
        options.putIfAbsent("binding", bindingFromEnvironment);
        for (String required : List.of("course", "out", "server", "registration", "binding")) {
            if (options.get(required) == null || options.get(required).isBlank()) {
                err.println("missing --" + required + "\n" + USAGE);
                return 2;
            }
        }
        try {
            CoursePackageInfo course = readCourse(Path.of(options.get("course")));
            DispatchTarget target = new DispatchTarget(options.get("server"), options.get("registration"),
                    options.get("binding"));
            for (Path written : build(course, target, Path.of(options.get("out")))) {
                out.println(written);
            }
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("build-scorm-packages: " + e.getMessage());
            return 1;
        }
    }

    /** Reads a course description such as {@code src/test/resources/course-info.json}. */
    public static CoursePackageInfo readCourse(Path json) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return mapper.readValue(json.toFile(), CoursePackageInfo.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw new IllegalArgumentException(json + ": " + e.getCause().getMessage(), e);
        }
    }

    /** Writes all packages of the course into {@code folder}; returns the files written, in order. */
    public static List<Path> build(CoursePackageInfo course, DispatchTarget target, Path folder)
            throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        List<PackageScope> scopes = new ArrayList<>();
        scopes.add(PackageScope.course(course));
        for (UnitPackageInfo unit : course.units()) {
            scopes.add(PackageScope.unit(course, unit.number()));
        }
        for (ScormVersion version : ScormVersion.values()) {
            for (PackageScope scope : scopes) {
                Path zip = folder.resolve(ScormPackager.fileName(scope, version));
                try (OutputStream out = Files.newOutputStream(zip)) {
                    ScormPackager.write(scope, version, target, out);
                }
                written.add(zip);
            }
        }
        Path cmi5Launch = Files.createDirectories(folder.resolve("cmi5-launch"));
        for (Map.Entry<String, byte[]> file : ScormPackager.cmi5LaunchFiles(target.serverBaseUrl()).entrySet()) {
            written.add(Files.write(cmi5Launch.resolve(file.getKey()), file.getValue()));
        }
        return written;
    }
}
