package es.civica.scorm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sample course (src/test/resources/course-info.json) and a dispatch target. */
final class Fixtures {

    static final String SERVER = "https://civica.example.org";
    static final DispatchTarget TARGET = new DispatchTarget(SERVER + "/", "moodle-demo",
            "eyJyZWciOiJtb29kbGUtZGVtbyJ9.c2lnbmF0dXJl");

    private Fixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CoursePackageInfo course() {
        try {
            return BuildPackagesCommand.readCourse(resource("/course-info.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole course, then each unit alone. */
    static List<PackageScope> scopes() {
        CoursePackageInfo course = course();
        List<PackageScope> scopes = new ArrayList<>();
        scopes.add(PackageScope.course(course));
        for (UnitPackageInfo unit : course.units()) {
            scopes.add(PackageScope.unit(course, unit.number()));
        }
        return scopes;
    }
}
