package es.civica.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("imsmanifest.xml against the official XSDs")
class ManifestValidationTest {

    static Stream<PackageScope> scopes() {
        return Fixtures.scopes().stream();
    }

    /** The validator rejects the document, and one of its messages names what was broken. */
    private static void assertRejected(Schema schema, String xml, String culprit) {
        List<String> problems = ManifestSchemas.problems(schema, xml);
        assertFalse(problems.isEmpty(), "the broken manifest was accepted");
        assertTrue(problems.stream().anyMatch(problem -> problem.contains(culprit)),
                () -> "no message names " + culprit + ": " + problems);
    }

    private static String replaceOnce(String xml, String from, String to) {
        assertTrue(xml.contains(from), "fixture manifest contains " + from);
        return xml.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("SCORM 1.2 (IMS CP 1.1.2, ADL CP 1.2, IMS MD 1.2.1)")
    class Scorm12 {
        Schema schema;
        String courseManifest;

        @BeforeAll
        void load() {
            schema = ManifestSchemas.scorm12();
            courseManifest = ScormPackager.manifest(PackageScope.course(Fixtures.course()), ScormVersion.SCORM_12,
                    Fixtures.TARGET);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("es.civica.scorm.ManifestValidationTest#scopes")
        @DisplayName("the course manifest and every unit manifest validate")
        void generatedManifestsValidate(PackageScope scope) {
            String manifest = ScormPackager.manifest(scope, ScormVersion.SCORM_12, Fixtures.TARGET);
            assertEquals(List.of(), ManifestSchemas.problems(schema, manifest));
        }

        @Test
        @DisplayName("an unknown adlcp attribute fails: the ADL namespace is really checked")
        void unknownAdlcpAttributeFails() {
            String broken = replaceOnce(courseManifest, "isvisible=\"true\"", "isvisible=\"true\" adlcp:bogus=\"1\"");
            assertRejected(schema, broken, "adlcp:bogus");
        }

        @Test
        @DisplayName("an adlcp:scormtype outside its vocabulary fails")
        void wrongScormTypeFails() {
            String broken = replaceOnce(courseManifest, "adlcp:scormtype=\"sco\"", "adlcp:scormtype=\"SCO\"");
            assertRejected(schema, broken, "'SCO'");
        }

        @Test
        @DisplayName("a misspelt ADL element fails")
        void unknownAdlcpElementFails() {
            String broken = replaceOnce(courseManifest, "<adlcp:masteryscore>80</adlcp:masteryscore>",
                    "<adlcp:masteryScore>80</adlcp:masteryScore>");
            assertRejected(schema, broken, "adlcp:masteryScore");
        }

        @Test
        @DisplayName("a manifest without its required resources element fails")
        void missingResourcesFails() {
            String broken = courseManifest.replaceAll("(?s)<resources>.*</resources>", "");
            assertNotEquals(courseManifest, broken);
            assertRejected(schema, broken, "resources");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("SCORM 2004 4th edition (IMS CP 1.1.4, ADL CP/SEQ/NAV 1.3, IMS SS 1.0)")
    class Scorm2004 {
        Schema schema;
        String courseManifest;
        String unitManifest;

        @BeforeAll
        void load() {
            schema = ManifestSchemas.scorm2004();
            courseManifest = ScormPackager.manifest(PackageScope.course(Fixtures.course()),
                    ScormVersion.SCORM_2004_4TH, Fixtures.TARGET);
            unitManifest = ScormPackager.manifest(PackageScope.unit(Fixtures.course(), 2),
                    ScormVersion.SCORM_2004_4TH, Fixtures.TARGET);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("es.civica.scorm.ManifestValidationTest#scopes")
        @DisplayName("the course manifest and every unit manifest validate")
        void generatedManifestsValidate(PackageScope scope) {
            String manifest = ScormPackager.manifest(scope, ScormVersion.SCORM_2004_4TH, Fixtures.TARGET);
            assertEquals(List.of(), ManifestSchemas.problems(schema, manifest));
        }

        @Test
        @DisplayName("an adlcp:scormType outside its vocabulary fails")
        void wrongScormTypeFails() {
            String broken = replaceOnce(courseManifest, "adlcp:scormType=\"sco\"", "adlcp:scormType=\"SCO\"");
            assertRejected(schema, broken, "'SCO'");
        }

        @Test
        @DisplayName("an unknown adlcp attribute where IMS CP is strict fails")
        void unknownAdlcpAttributeFails() {
            String broken = replaceOnce(courseManifest, "<dependency identifierref=\"RES-LAUNCHER\"/>",
                    "<dependency identifierref=\"RES-LAUNCHER\" adlcp:bogus=\"1\"/>");
            assertRejected(schema, broken, "adlcp:bogus");
        }

        @Test
        @DisplayName("an unknown element inside imsss:sequencing fails: IMS SS is really checked")
        void unknownSequencingElementFails() {
            String broken = replaceOnce(courseManifest, "<imsss:controlMode ",
                    "<imsss:flowControl/>\n        <imsss:controlMode ");
            assertRejected(schema, broken, "flowControl");
        }

        @Test
        @DisplayName("a minNormalizedMeasure above 1 fails")
        void measureOutOfRangeFails() {
            String broken = replaceOnce(courseManifest, "<imsss:minNormalizedMeasure>0.8<",
                    "<imsss:minNormalizedMeasure>1.5<");
            assertRejected(schema, broken, "'1.5'");
        }

        @Test
        @DisplayName("an adlseq rollup consideration outside its vocabulary fails")
        void wrongRollupConsiderationFails() {
            String broken = replaceOnce(courseManifest, "requiredForNotSatisfied=\"ifAttempted\"",
                    "requiredForNotSatisfied=\"sometimes\"");
            assertRejected(schema, broken, "'sometimes'");
        }

        @Test
        @DisplayName("an adlnav hideLMSUI value outside its vocabulary fails")
        void wrongHideLmsUiFails() {
            String broken = replaceOnce(unitManifest, "<adlnav:hideLMSUI>previous<", "<adlnav:hideLMSUI>back<");
            assertRejected(schema, broken, "'back'");
        }

        @Test
        @DisplayName("a manifest without its required organizations element fails")
        void missingOrganizationsFails() {
            String broken = courseManifest.replaceAll("(?s)<organizations .*</organizations>", "");
            assertNotEquals(courseManifest, broken);
            assertRejected(schema, broken, "organizations");
        }

        @Test
        @DisplayName("IMS CP alone would let a broken imsss:sequencing through: the wrapper is what catches it")
        void imsCpAloneSkipsTheExtensions() {
            String broken = replaceOnce(courseManifest, "<imsss:controlMode ",
                    "<imsss:flowControl/>\n        <imsss:controlMode ");
            Schema imscpOnly = ManifestSchemas.file(Fixtures.resource(ManifestSchemas.SCORM_2004_DIR
                    + "imscp_v1p1.xsd"));
            assertEquals(List.of(), ManifestSchemas.problems(imscpOnly, broken));
            assertRejected(schema, broken, "flowControl");
        }
    }
}
