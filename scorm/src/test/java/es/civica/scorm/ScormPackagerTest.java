package es.civica.scorm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ScormPackager zips")
class ScormPackagerTest {

    /** Any absolute or protocol-relative URL, as it could appear in HTML, CSS or JavaScript. */
    private static final Pattern URL = Pattern.compile("(?i)(?:[a-z][a-z0-9+.-]*:)?//[a-z0-9.\\[\\]:-]+[^\\s\"'<>)]*");

    static Stream<Arguments> packages() {
        List<Arguments> packages = new ArrayList<>();
        for (ScormVersion version : ScormVersion.values()) {
            for (PackageScope scope : Fixtures.scopes()) {
                packages.add(Arguments.of(version, scope));
            }
        }
        return packages.stream();
    }

    private static byte[] zip(PackageScope scope, ScormVersion version) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScormPackager.write(scope, version, Fixtures.TARGET, out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("packages")
    @DisplayName("two builds are byte-identical, whatever the machine's time zone")
    void buildsAreReproducible(ScormVersion version, PackageScope scope) throws IOException {
        byte[] first = zip(scope, version);
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertArrayEquals(first, zip(scope, version));
        } finally {
            TimeZone.setDefault(zone);
        }
        assertArrayEquals(first, zip(scope, version));
    }

    @Test
    @DisplayName("a SCORM 1.2 package holds the manifest, one page per unit, the script and ADL's 1.2 XSDs")
    void scorm12Contents() throws IOException {
        Map<String, byte[]> files = unzip(zip(PackageScope.course(Fixtures.course()), ScormVersion.SCORM_12));
        assertEquals(List.of("imsmanifest.xml", "unit1.html", "unit2.html", "unit3.html", "unit4.html",
                "unit5.html", "civica-scorm-launcher.js", "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd",
                "adlcp_rootv1p2.xsd", "ims_xml.xsd"), List.copyOf(files.keySet()));
    }

    @Test
    @DisplayName("a SCORM 2004 package holds the manifest, the page, the script and the 4th edition schema set")
    void scorm2004Contents() throws IOException {
        Map<String, byte[]> files = unzip(zip(PackageScope.unit(Fixtures.course(), 5), ScormVersion.SCORM_2004_4TH));
        List<String> expected = new ArrayList<>(List.of("imsmanifest.xml", "unit5.html", "civica-scorm-launcher.js"));
        expected.addAll(ScormPackager.SCORM_2004_SCHEMAS);
        assertEquals(expected, List.copyOf(files.keySet()));
        assertTrue(files.keySet().containsAll(List.of("imscp_v1p1.xsd", "adlcp_v1p3.xsd", "adlseq_v1p3.xsd",
                "adlnav_v1p3.xsd", "imsss_v1p0.xsd", "xml.xsd")));
    }

    @Test
    @DisplayName("a cmi5 package is its cmi5.xml: the AU is launched from the server")
    void cmi5Contents() throws IOException {
        Map<String, byte[]> files = unzip(zip(PackageScope.course(Fixtures.course()), ScormVersion.CMI5));
        assertEquals(List.of("cmi5.xml"), List.copyOf(files.keySet()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("packages")
    @DisplayName("every file and schema the manifest names is in the zip")
    void manifestReferencesResolve(ScormVersion version, PackageScope scope) throws IOException {
        if (version == ScormVersion.CMI5) {
            return;
        }
        Map<String, byte[]> files = unzip(zip(scope, version));
        String manifest = text(files.get("imsmanifest.xml"));
        Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(manifest);
        int count = 0;
        while (href.find()) {
            assertTrue(files.containsKey(href.group(1)), href.group(1));
            count++;
        }
        assertTrue(count >= 2 * scope.units().size() + 1);
        Matcher location = Pattern.compile("xsi:schemaLocation=\"([^\"]+)\"").matcher(manifest);
        assertTrue(location.find());
        String[] pairs = location.group(1).trim().split("\\s+");
        for (int i = 1; i < pairs.length; i += 2) {
            assertTrue(files.containsKey(pairs[i]), pairs[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("es.civica.scorm.ManifestValidationTest#scopes")
    @DisplayName("the launcher pages and script name no URL but the configured server")
    void launcherTalksOnlyToTheServer(PackageScope scope) throws IOException {
        for (ScormVersion version : List.of(ScormVersion.SCORM_12, ScormVersion.SCORM_2004_4TH)) {
            Map<String, byte[]> files = unzip(zip(scope, version));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (!file.getKey().endsWith(".html") && !file.getKey().endsWith(".js")) {
                    continue;
                }
                String content = text(file.getValue());
                Matcher url = URL.matcher(content);
                while (url.find()) {
                    String found = url.group().replaceAll("[;,.]+$", "");
                    boolean server = found.startsWith(Fixtures.SERVER + "/") || found.equals(Fixtures.SERVER);
                    boolean courseIri = found.startsWith(scope.course().courseIri());
                    assertTrue(server || courseIri && file.getKey().endsWith(".html"),
                            file.getKey() + " names " + found);
                }
                assertFalse(content.contains("XMLHttpRequest"), file.getKey());
                assertFalse(content.contains("fetch("), file.getKey());
                assertFalse(content.contains("sendBeacon"), file.getKey());
                assertFalse(content.contains("<link"), file.getKey());
                assertFalse(content.contains("@import"), file.getKey());
            }
        }
    }

    @Test
    @DisplayName("the cmi5 launch page talks to the server and to the LMS it was launched from, nothing else")
    void cmi5LaunchPageTalksOnlyToTheServer() {
        Map<String, byte[]> files = ScormPackager.cmi5LaunchFiles("https://civica.example.org/");
        assertEquals(List.of("launch.html", "civica-cmi5-launcher.js"), List.copyOf(files.keySet()));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Matcher url = URL.matcher(text(file.getValue()));
            while (url.find()) {
                assertTrue(url.group().startsWith(Fixtures.SERVER), file.getKey() + " names " + url.group());
            }
        }
        String page = text(files.get("launch.html"));
        assertTrue(page.contains("connect-src https: http:"), "the LMS's fetch URL and LRS are unknown until launch");
        assertTrue(page.contains("\"launchUrl\":\"https://civica.example.org/scorm/launch\""));
    }

    @Test
    @DisplayName("each unit page carries its own configuration, bound to the dispatch registration")
    void unitPageConfiguration() throws IOException {
        CoursePackageInfo course = Fixtures.course();
        Map<String, byte[]> files = unzip(zip(PackageScope.course(course), ScormVersion.SCORM_2004_4TH));
        String page = text(files.get("unit3.html"));
        Matcher config = Pattern.compile("<script type=\"application/json\" id=\"civica-config\">(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        assertTrue(config.find());
        JsonNode json = new ObjectMapper().readTree(config.group(1));
        assertEquals("scorm2004", json.get("standard").asText());
        assertEquals("https://civica.example.org", json.get("serverOrigin").asText());
        assertEquals("https://civica.example.org/scorm/launch", json.get("launchUrl").asText());
        assertEquals(Fixtures.TARGET.binding(), json.get("dispatch").asText());
        assertEquals("moodle-demo", json.get("dispatchId").asText());
        assertEquals("course", json.get("scope").asText());
        assertEquals(course.courseIri(), json.get("course").asText());
        assertEquals(3, json.get("unit").asInt());
        assertEquals(course.unit(3).iri(), json.get("activityId").asText());
        assertEquals(0.8, json.get("passMark").asDouble());
        assertTrue(page.contains("frame-src https://civica.example.org;"));
        assertTrue(page.contains("form-action https://civica.example.org;"));
        assertTrue(page.contains("<script src=\"civica-scorm-launcher.js\"></script>"));
    }

    @Test
    @DisplayName("a title cannot break out of the page's markup or its JSON configuration")
    void pageEscapesContent() throws IOException {
        String hostile = "</script><script>alert(1)</script> & \"q\" 'a' {{config}}";
        CoursePackageInfo course = new CoursePackageInfo("https://example.org/c", "Curso", "", "es",
                List.of(new UnitPackageInfo(1, "https://example.org/c/u/1", hostile, hostile, 0.5, 0)));
        String page = text(unzip(zip(PackageScope.course(course), ScormVersion.SCORM_12)).get("unit1.html"));
        assertEquals(2, page.split("<script", -1).length - 1, "only the config and the launcher script");
        assertFalse(page.contains("alert(1)</script>"));
        assertTrue(page.contains("\\u003c/script\\u003e"));
        assertTrue(page.contains("&lt;/script&gt;"));
        assertTrue(page.contains("{{config}}"), "placeholders inside values are left alone");
        assertFalse(page.contains("Duración estimada"), "no estimate when the unit has none");
    }

    @Test
    @DisplayName("file names say what the package holds")
    void fileNames() {
        CoursePackageInfo course = Fixtures.course();
        assertEquals("redes-sociales-ap-scorm12.zip",
                ScormPackager.fileName(PackageScope.course(course), ScormVersion.SCORM_12));
        assertEquals("redes-sociales-ap-unit-2-scorm2004.zip",
                ScormPackager.fileName(PackageScope.unit(course, 2), ScormVersion.SCORM_2004_4TH));
        assertEquals("redes-sociales-ap-unit-5-cmi5.zip",
                ScormPackager.fileName(PackageScope.unit(course, 5), ScormVersion.CMI5));
    }

    @Test
    @DisplayName("the zip's entries carry the fixed time and no extra fields")
    void entriesHaveFixedTime() throws IOException {
        byte[] zip = zip(PackageScope.course(Fixtures.course()), ScormVersion.SCORM_12);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertEquals(ScormPackager.ENTRY_TIME, entry.getTimeLocal(), entry.getName());
                assertEquals(null, entry.getExtra(), entry.getName());
            }
        }
    }
}
