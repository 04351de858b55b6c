package es.civica.scorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.content.ContentLoader;
import es.civica.scorm.dispatch.CoursePackages;
import es.civica.scorm.dispatch.DispatchSigner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The manifests the server serves, built from the course it ships (not the scorm module's sample), validate against
 * the official XSD sets (ManifestSchemas, from the scorm module's tests): SCORM 1.2 and SCORM 2004 4th edition,
 * the course and every unit; cmi5.xml names every unit with its IRI and pass mark.
 */
class ServedManifestsTest {

  @Test
  @DisplayName("every SCORM 1.2 and 2004 manifest built from the shipped content validates against the XSDs")
  void manifestsValidate() throws Exception {
    CoursePackages packages = new CoursePackages(ContentLoader.fromClasspath(), "https://civica.example.org",
        new DispatchSigner("a-test-secret-of-enough-length".getBytes(StandardCharsets.UTF_8)));
    CoursePackageInfo info = packages.info();
    assertEquals(5, info.units().size());
    List<PackageScope> scopes = new ArrayList<>(List.of(PackageScope.course(info)));
    info.units().forEach(u -> scopes.add(PackageScope.unit(info, u.number())));
    DispatchTarget target = packages.target("moodle-demo");
    for (Map.Entry<ScormVersion, javax.xml.validation.Schema> set : Map.of(
        ScormVersion.SCORM_12, ManifestSchemas.scorm12(), ScormVersion.SCORM_2004_4TH, ManifestSchemas.scorm2004()).entrySet()) {
      for (PackageScope scope : scopes) {
        String manifest = ScormPackager.manifest(scope, set.getKey(), target);
        assertEquals(List.of(), ManifestSchemas.problems(set.getValue(), manifest), set.getKey() + " " + scope);
      }
    }
    String cmi5 = ScormPackager.manifest(PackageScope.course(info), ScormVersion.CMI5, target);
    for (UnitPackageInfo u : info.units()) {
      assertTrue(cmi5.contains("id=\"" + u.iri() + "\""), u.iri());
      assertTrue(cmi5.contains("masteryScore=\"" + u.passMark() + "\""), cmi5);
    }
  }
}
