package es.civica.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Input records refuse what a package could not carry")
class PackageInfoTest {

    private static UnitPackageInfo unit(int number) {
        return new UnitPackageInfo(number, "https://example.org/c/u/" + number, "Unidad " + number, "", 0.8, 30);
    }

    @Test
    @DisplayName("the sample course reads from JSON with its five units and pass mark 0.8")
    void sampleCourse() {
        CoursePackageInfo course = Fixtures.course();
        assertEquals("https://civica.app/xapi/activities/course/redes-sociales-ap", course.courseIri());
        assertEquals(List.of("Gobernanza inteligente e innovación abierta",
                "Administración colaborativa y gobierno abierto", "Empleados públicos en redes sociales",
                "Redes sociales en la administración local", "Plan de social media"),
                course.units().stream().map(UnitPackageInfo::title).toList());
        for (UnitPackageInfo unit : course.units()) {
            assertEquals(course.courseIri() + "/unit/" + unit.number(), unit.iri());
            assertEquals(0.8, unit.passMark());
        }
    }

    @Test
    @DisplayName("a pass mark outside 0..1 is refused")
    void passMarkRange() {
        assertThrows(IllegalArgumentException.class,
                () -> new UnitPackageInfo(1, "https://example.org/u", "T", "", 80, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new UnitPackageInfo(1, "https://example.org/u", "T", "", Double.NaN, 0));
    }

    @Test
    @DisplayName("titles over 200 characters (the SCORM 1.2 limit) and relative IRIs are refused")
    void titlesAndIris() {
        assertThrows(IllegalArgumentException.class,
                () -> new UnitPackageInfo(1, "https://example.org/u", "x".repeat(201), "", 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new UnitPackageInfo(1, "unit/1", "T", "", 0.5, 0));
    }

    @Test
    @DisplayName("units must be numbered 1..n in order, with distinct IRIs")
    void unitNumbering() {
        assertThrows(IllegalArgumentException.class,
                () -> new CoursePackageInfo("https://example.org/c", "C", "", "es", List.of(unit(2))));
        assertThrows(IllegalArgumentException.class,
                () -> new CoursePackageInfo("https://example.org/c", "C", "", "es", List.of()));
        UnitPackageInfo twin = new UnitPackageInfo(2, unit(1).iri(), "Otra", "", 0.8, 30);
        assertThrows(IllegalArgumentException.class,
                () -> new CoursePackageInfo("https://example.org/c", "C", "", "es", List.of(unit(1), twin)));
    }

    @Test
    @DisplayName("the server base URL is https (http only on loopback), without query, and loses its trailing slash")
    void dispatchTarget() {
        DispatchTarget target = new DispatchTarget("https://Civica.example.org:8443/app/", "lms-1", "tok.en");
        assertEquals("https://Civica.example.org:8443/app", target.serverBaseUrl());
        assertEquals("https://civica.example.org:8443", target.serverOrigin());
        assertEquals("https://Civica.example.org:8443/app/scorm/launch", target.launchUrl());
        assertEquals("http://localhost:8080", new DispatchTarget("http://localhost:8080", "l", "t").serverOrigin());
        assertThrows(IllegalArgumentException.class, () -> new DispatchTarget("http://civica.example.org", "l", "t"));
        assertThrows(IllegalArgumentException.class, () -> new DispatchTarget("https://x.org/?a=1", "l", "t"));
        assertThrows(IllegalArgumentException.class, () -> new DispatchTarget("https://x.org", "l m", "t"));
        assertThrows(IllegalArgumentException.class, () -> new DispatchTarget("https://x.org", "l", "has space"));
    }
}
