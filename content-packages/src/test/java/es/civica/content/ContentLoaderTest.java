package es.civica.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    private static final ContentValidator FORMAT_ONLY = new ContentValidator().withMinimums(Minimums.NONE);
    private static final String UNIT1_IRI = "https://civica.app/xapi/activities/course/fixture/unit/1";

    @TempDir
    Path dir;

    @Test
    @DisplayName("loads a course folder into immutable records with activity IRIs")
    void loadsCourseFromAFolder() {
        Course course = ContentLoader.load(Fixture.original(), FORMAT_ONLY);
        assertEquals("https://civica.app/xapi/activities/course/fixture", course.id());
        assertEquals(List.of(1, 4), course.units().stream().map(Unit::number).toList());
        Unit unit = course.unit(1).orElseThrow();
        assertEquals(UNIT1_IRI, unit.id());
        assertEquals("1-demo", unit.folder());
        assertEquals(UNIT1_IRI + "/lesson/u1-l1", unit.lessons().get(0).iri());
        assertEquals(2, unit.quiz().length());
        assertEquals(UNIT1_IRI + "/quiz/u1-quiz", unit.quiz().iri());
        Item single = unit.item("u1-i01").orElseThrow();
        assertEquals(UNIT1_IRI + "/item/u1-i01", single.iri());
        assertEquals(ItemType.SINGLE_CHOICE, single.type());
        assertEquals(List.of("a"), single.correctOptionIds());
        assertEquals(3, unit.itemsFor("u1-o2").size());
        assertThrows(UnsupportedOperationException.class, () -> unit.items().add(single));
    }

    @Test
    @DisplayName("maps every item type's fields")
    void mapsEveryItemType() {
        Unit unit = ContentLoader.load(Fixture.original(), FORMAT_ONLY).unit(1).orElseThrow();
        Item matching = unit.item("u1-i04").orElseThrow();
        assertEquals("matching", matching.interactionType());
        assertEquals(List.of(new Item.Pair("push", "informar"), new Item.Pair("pull", "atraer")), matching.pairs());
        assertEquals(3, matching.targets().size());
        Item ordering = unit.item("u1-i05").orElseThrow();
        assertEquals(List.of("leer", "verificar", "responder"), ordering.steps().stream().map(Item.Step::id).toList());
        assertEquals("sequencing", ordering.interactionType());
        Item fillIn = unit.item("u1-i06").orElseThrow();
        assertTrue(fillIn.acceptsAnswer("  PÚLL "), "case, accents and surrounding spaces are ignored");
        assertFalse(fillIn.acceptsAnswer("push"));
        assertTrue(fillIn.options().isEmpty());
    }

    @Test
    @DisplayName("maps scenarios: nodes, router semantics, endings, thread and metrics")
    void mapsScenarios() {
        Course course = ContentLoader.load(Fixture.original(), FORMAT_ONLY);
        Scenario strategy = course.unit(1).orElseThrow().scenario("u1-sc-estrategia").orElseThrow();
        assertEquals(UNIT1_IRI + "/scenario/u1-sc-estrategia", strategy.iri());
        Node.Router router = assertInstanceOf(Node.Router.class, strategy.node("r1").orElseThrow());
        assertEquals("e-best", router.next(4).orElseThrow());
        assertEquals("e-good", router.next(3).orElseThrow());
        assertEquals("e-bad", router.next(0).orElseThrow());
        Node.Ending best = assertInstanceOf(Node.Ending.class, strategy.node("e-best").orElseThrow());
        assertEquals(Node.Tier.BEST, best.tier());
        assertEquals("u1-l1-s1", best.lessonRef());
        Scenario complaint = course.unit(4).orElseThrow().scenario("u4-sc-queja").orElseThrow();
        Node.Decision first = assertInstanceOf(Node.Decision.class, complaint.node(complaint.start()).orElseThrow());
        assertEquals("@ana", first.thread().get(0).handle());
        assertEquals(12, first.thread().get(0).reactions().likes());
        Choice choice = first.choice("a").orElseThrow();
        assertEquals(Map.of("satisfaction", 20.0, "escalation", -10.0, "responseTime", 10.0), choice.effects());
        assertEquals(3, choice.score());
        Scenario.Metric satisfaction = complaint.metrics().get(0);
        assertEquals(100.0, satisfaction.clamp(140));
        assertEquals("min", complaint.metrics().get(3).unit());
        assertTrue(complaint.rubric().isEmpty());
    }

    @Test
    @DisplayName("keeps the simulation's controls, model and target as JSON")
    void mapsSimulations() {
        Simulation simulation = ContentLoader.load(Fixture.original(), FORMAT_ONLY).unit(4).orElseThrow()
                .simulation("u4-sim-engagement").orElseThrow();
        assertEquals(20240611L, simulation.seed());
        assertEquals(4, simulation.weeks());
        assertEquals("postsPerWeek", simulation.controls().get(0).id());
        assertEquals("integer", simulation.controls().get(0).type());
        assertEquals(35, simulation.controls().get(0).json().path("max").asInt());
        assertEquals(20, simulation.model().path("teamHoursPerWeek").asInt());
        assertEquals(5500, simulation.target().path("minReach").asInt());
    }

    @Test
    @DisplayName("carries the UI strings of every language")
    void mapsMessages() {
        Messages messages = ContentLoader.load(Fixture.original(), FORMAT_ONLY).messages();
        assertEquals(List.of("es", "ca", "en"), List.copyOf(messages.languages()));
        assertEquals("Comprova", messages.get("ca", "quiz.submit").orElseThrow());
    }

    @Test
    @DisplayName("refuses invalid content, listing every defect")
    void throwsListingEveryDefect() {
        Fixture broken = Fixture.copyTo(dir);
        broken.edit(Fixture.ITEMS1, j -> Fixture.at(j, "/items/0/options/0").put("correct", false));
        broken.edit(Fixture.SCENARIO1, j -> Fixture.at(j, "/nodes/0/choices/1").put("next", "n7"));
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> ContentLoader.load(broken.root, FORMAT_ONLY));
        assertEquals(2, e.defects().size(), e.getMessage());
        assertTrue(e.getMessage().contains("units/1-demo/items.json $.items[0].options: item u1-i01 has no correct answer"));
    }

    @Test
    @DisplayName("loads the course from a jar on the classpath (content/…)")
    void loadsFromAJarOnTheClasspath() throws IOException {
        Path jar = dir.resolve("course.jar");
        Path source = Fixture.original();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry("content/" + source.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Course course = ContentLoader.fromClasspath(loader, FORMAT_ONLY);
            assertEquals(2, course.units().size());
            assertEquals("Curso de prueba", course.title());
        }
    }

    @Test
    @DisplayName("reports a classpath without content/course.json")
    void failsWithoutContentOnTheClasspath() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            ContentException e = assertThrows(ContentException.class, () -> ContentLoader.fromClasspath(empty, FORMAT_ONLY));
            assertTrue(e.getMessage().contains("content/course.json"));
        }
    }
}
