package es.civica.xapi.statement;

import static org.junit.jupiter.api.Assertions.assertTrue;

import es.civica.xapi.XapiVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Opt-in: checks the validator and the signature verifier against every templated statement case of the ADL
 * conformance suite, expanded by {@code scripts/xapi-suite-cases.js} into {@code -Dxapi.suite.cases=<dir>}. A case
 * the suite expects to be stored (200) must validate; one it expects refused (400) must not.
 */
@EnabledIfSystemProperty(named = "xapi.suite.cases", matches = ".+")
class ConformanceSuiteCasesTest {

  @ParameterizedTest
  @CsvSource({"v1_0_3.json, V1_0_3", "v2_0.json, V2_0_0"})
  void agreesWithEveryStatementCaseOfTheSuite(String file, XapiVersion version) throws IOException {
    JsonObject expanded = new JsonObject(Files.readString(Path.of(System.getProperty("xapi.suite.cases"), file)));
    List<String> disagreements = new ArrayList<>();
    JsonArray cases = expanded.getJsonArray("cases");
    for (int i = 0; i < cases.size(); i++) {
      JsonObject c = cases.getJsonObject(i);
      String refusal = refusal(() -> StatementValidator.validate(object(c.getValue("statement")), version));
      check(c, refusal, disagreements);
    }
    JsonArray signed = expanded.getJsonArray("signed");
    for (int i = 0; i < signed.size(); i++) {
      JsonObject c = signed.getJsonObject(i);
      String refusal = refusal(() -> {
        StatementValidator.validate(c.getJsonObject("statement"), version);
        SignedStatementVerifier.verify(c.getJsonObject("statement"),
            c.getString("jws").getBytes(StandardCharsets.US_ASCII));
      });
      check(c, refusal, disagreements);
    }
    assertTrue(disagreements.isEmpty(), () -> disagreements.size() + " of " + (cases.size() + signed.size())
        + " cases disagree:\n" + String.join("\n", disagreements));
  }

  private static void check(JsonObject c, String refusal, List<String> disagreements) {
    boolean expectStored = c.getInteger("expect") < 400;
    if (expectStored != (refusal == null)) {
      disagreements.add(c.getString("file", "signed") + " | " + c.getString("name") + " | suite expects "
          + c.getInteger("expect") + " | " + (refusal == null ? "accepted" : refusal));
    }
  }

  private static JsonObject object(Object statement) {
    if (statement instanceof JsonObject object) {
      return object;
    }
    throw new InvalidStatementException("statement must be a JSON object");
  }

  private static String refusal(Runnable check) {
    try {
      check.run();
      return null;
    } catch (InvalidStatementException e) {
      return e.getMessage();
    }
  }
}
