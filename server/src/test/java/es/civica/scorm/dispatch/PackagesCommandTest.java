package es.civica.scorm.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.support.TempFolders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

class PackagesCommandTest {

  @Test
  @DisplayName("builds the 18 packages of the shipped course and the cmi5 launch page, bound with the data dir's secret")
  void buildsFromTheRealContent() throws Exception {
    Path dir = Files.createTempDirectory("civica-packages");
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code = PackagesCommand.run(new String[] {"--registration", "moodle-demo", "--out", dir.resolve("out").toString(),
          "--server", "https://civica.example.org/", "--data-dir", dir.resolve("data").toString()}, Map.of(),
          new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
      assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
      try (Stream<Path> files = Files.list(dir.resolve("out"))) {
        assertEquals(18, files.filter(f -> f.toString().endsWith(".zip")).count());
      }
      assertTrue(Files.exists(dir.resolve("out/cmi5-launch/launch.html")));
      Map<String, String> unit = DispatchApiTest.unzip(Files.readAllBytes(dir.resolve("out/redes-sociales-ap-unit-2-scorm2004.zip")));
      DispatchSigner signer = DispatchSigner.fromDataDir(dir.resolve("data"));
      assertTrue(unit.get("unit2.html").contains(signer.binding("moodle-demo")));
      assertTrue(unit.get("unit2.html").contains("https://civica.example.org/scorm/launch"));
      assertEquals(2, PackagesCommand.run(new String[] {"--out", "x"}, Map.of(), System.out,
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    } finally {
      TempFolders.delete(dir);
    }
  }
}
