package es.civica.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

@DisplayName("cmi5.xml course structure")
class Cmi5CourseStructureTest {

    private static final String NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
    /**
     * The cmi5 CourseStructure.xsd is not in any package registry and is not copied into this repository; point
     * this variable (or the system property of the same name) at a copy to validate against it.
     */
    private static final String XSD_VARIABLE = "CMI5_COURSE_STRUCTURE_XSD";

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                assertEquals(NS, element.getNamespaceURI(), "every element is in the cmi5 namespace");
                children.add(element);
            }
        }
        return children;
    }

    private static List<String> names(List<Element> elements) {
        return elements.stream().map(Element::getLocalName).toList();
    }

    /** A cmi5 textType: one or more langstring children with a lang and non-blank text. */
    private static String langString(Element text, String lang) {
        List<Element> strings = children(text);
        assertFalse(strings.isEmpty(), text.getLocalName() + " has a langstring");
        assertEquals(List.of("langstring"), names(strings).stream().distinct().toList());
        assertEquals(lang, strings.get(0).getAttribute("lang"));
        assertFalse(strings.get(0).getTextContent().isBlank());
        return strings.get(0).getTextContent();
    }

    private static Optional<Path> courseStructureXsd() {
        String value = Optional.ofNullable(System.getProperty(XSD_VARIABLE)).orElse(System.getenv(XSD_VARIABLE));
        return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(Path::of).filter(Files::isRegularFile);
    }

    @Test
    @DisplayName("the whole-course structure has the course and one AU per unit, in order, with the spec's shape")
    void wholeCourseStructure() throws Exception {
        CoursePackageInfo course = Fixtures.course();
        String xml = ScormPackager.manifest(PackageScope.course(course), ScormVersion.CMI5, Fixtures.TARGET);
        Element root = parse(xml).getDocumentElement();
        assertEquals(NS, root.getNamespaceURI());
        assertEquals("courseStructure", root.getLocalName());

        List<Element> top = children(root);
        assertEquals(List.of("course", "au", "au", "au", "au", "au"), names(top));
        Element courseElement = top.get(0);
        assertEquals(course.courseIri(), courseElement.getAttribute("id"));
        assertEquals(List.of("title", "description"), names(children(courseElement)));
        assertEquals(course.title(), langString(children(courseElement).get(0), "es"));

        for (int i = 0; i < course.units().size(); i++) {
            UnitPackageInfo unit = course.units().get(i);
            Element au = top.get(i + 1);
            assertEquals(unit.iri(), au.getAttribute("id"));
            assertEquals("CompletedAndPassed", au.getAttribute("moveOn"));
            assertEquals("0.8", au.getAttribute("masteryScore"));
            assertEquals("AnyWindow", au.getAttribute("launchMethod"));
            List<Element> parts = children(au);
            assertEquals(List.of("title", "description", "url"), names(parts));
            assertEquals(unit.title(), langString(parts.get(0), "es"));
            langString(parts.get(1), "es");

            URI url = URI.create(parts.get(2).getTextContent());
            assertEquals("https", url.getScheme());
            assertEquals("civica.example.org", url.getHost());
            assertEquals("/scorm/cmi5/launch.html", url.getPath());
            assertEquals("unit=" + unit.number() + "&dispatch=" + Fixtures.TARGET.binding()
                    + "&dispatchId=moodle-demo", url.getQuery());
        }
    }

    @Test
    @DisplayName("a unit's structure has its own course id, different from the AU id and the course IRI")
    void unitStructure() throws Exception {
        CoursePackageInfo course = Fixtures.course();
        String xml = ScormPackager.manifest(PackageScope.unit(course, 4), ScormVersion.CMI5, Fixtures.TARGET);
        List<Element> top = children(parse(xml).getDocumentElement());
        assertEquals(List.of("course", "au"), names(top));
        assertEquals(course.unit(4).iri() + "/package", top.get(0).getAttribute("id"));
        assertEquals(course.unit(4).iri(), top.get(1).getAttribute("id"));
    }

    @Test
    @DisplayName("the AU url keeps its query parameters apart from the ones the LMS appends")
    void auUrlAvoidsLaunchParameterNames() throws Exception {
        DispatchTarget target = new DispatchTarget("https://civica.example.org/base", "r1", "a+b/c=d&e");
        String url = Cmi5CourseStructure.auUrl(target, Fixtures.course().unit(1));
        assertEquals("https://civica.example.org/base/scorm/cmi5/launch.html?unit=1&dispatch=a%2Bb%2Fc%3Dd%26e"
                + "&dispatchId=r1", url);
        for (String name : List.of("endpoint", "fetch", "registration", "actor", "activityId")) {
            assertFalse(url.contains(name + "="), name);
        }
    }

    @Test
    @DisplayName("validates against the cmi5 CourseStructure.xsd when a copy is configured")
    void validatesAgainstTheCmi5Schema() {
        Optional<Path> xsd = courseStructureXsd();
        Assumptions.assumeTrue(xsd.isPresent(), XSD_VARIABLE + " does not point at CourseStructure.xsd");
        Schema schema = ManifestSchemas.file(xsd.get());
        for (PackageScope scope : Fixtures.scopes()) {
            String xml = ScormPackager.manifest(scope, ScormVersion.CMI5, Fixtures.TARGET);
            assertEquals(List.of(), ManifestSchemas.problems(schema, xml), scope.baseName());
        }
        String broken = ScormPackager.manifest(PackageScope.course(Fixtures.course()), ScormVersion.CMI5,
                Fixtures.TARGET).replace("moveOn=\"CompletedAndPassed\"", "moveOn=\"Whenever\"");
        assertTrue(ManifestSchemas.problems(schema, broken).stream().anyMatch(p -> p.contains("Whenever")));
    }

    @Test
    @DisplayName("special characters in titles are escaped, and the document still parses")
    void escapesText() throws Exception {
        CoursePackageInfo course = new CoursePackageInfo("https://example.org/c", "A & B <C>", "\"quoted\"", "es",
                List.of(new UnitPackageInfo(1, "https://example.org/c/u/1", "Uno & <dos>", "", 0.75, 10)));
        String xml = ScormPackager.manifest(PackageScope.course(course), ScormVersion.CMI5, Fixtures.TARGET);
        Element root = parse(xml).getDocumentElement();
        assertEquals("A & B <C>", children(children(children(root).get(0)).get(0)).get(0).getTextContent());
        assertEquals("0.75", children(root).get(1).getAttribute("masteryScore"));
        // An empty description falls back to the title: cmi5 requires a description with a langstring.
        assertEquals("Uno & <dos>", children(children(children(root).get(1)).get(1)).get(0).getTextContent());
        assertTrue(xml.contains("A &amp; B &lt;C&gt;"));
    }
}
