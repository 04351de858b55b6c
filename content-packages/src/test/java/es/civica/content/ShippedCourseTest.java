package es.civica.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The real course, as this module's jar carries it under content/, loads through the public API. */
class ShippedCourseTest {

    @Test
    @DisplayName("the shipped course loads from the classpath with five units that meet the issue's minimums")
    void loadsTheShippedCourseFromTheClasspath() {
        Course course = ContentLoader.fromClasspath();
        assertEquals("https://civica.app/xapi/activities/course/redes-sociales-ap", course.id());
        assertEquals(5, course.units().size());
        for (Unit unit : course.units()) {
            assertEquals(course.id() + "/unit/" + unit.number(), unit.id());
            assertEquals(10, unit.quiz().length(), unit.folder());
            assertTrue(unit.items().size() >= 24, unit.folder());
            assertTrue(!unit.scenarios().isEmpty(), unit.folder());
        }
        assertEquals(3, course.unit(4).orElseThrow().scenarios().stream()
                .filter(s -> s.kind().equals("complaint") || s.kind().equals("crisis")).count());
        assertTrue(course.unit(4).orElseThrow().simulation("u4-sim-engagement").isPresent());
        assertEquals(course.messages().strings("es").keySet(), course.messages().strings("ca").keySet());
        assertEquals(course.messages().strings("es").keySet(), course.messages().strings("en").keySet());
    }
}
