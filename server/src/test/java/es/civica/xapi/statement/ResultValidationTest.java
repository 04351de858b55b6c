package es.civica.xapi.statement;

import static es.civica.xapi.statement.Statements.assertRejectedInBoth;
import static es.civica.xapi.statement.Statements.assertValidInBoth;
import static es.civica.xapi.statement.Statements.json;
import static es.civica.xapi.statement.Statements.load;
import static es.civica.xapi.statement.Statements.with;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Result and score (Data 2.4.5) and durations (Data 4.6). */
class ResultValidationTest {

  private final JsonObject minimal = load("minimal");

  private JsonObject result(String resultJson) {
    return with(minimal, "result", json(resultJson));
  }

  @Test
  void acceptsScoreAtItsBounds() {
    assertValidInBoth(result("{\"score\": {\"scaled\": 1.0}}"));
    assertValidInBoth(result("{\"score\": {\"scaled\": -1}}"));
    assertValidInBoth(result("{\"score\": {\"raw\": 10, \"min\": 0, \"max\": 10}}"));
    assertValidInBoth(result("{\"score\": {\"raw\": 0.12123434, \"min\": 0.12123434, \"max\": 45.45}}"));
  }

  @Test
  void rejectsScaledOutsideMinusOneToOne() {
    assertRejectedInBoth(result("{\"score\": {\"scaled\": 1.01}}"), "result.score.scaled must be between -1 and 1");
    assertRejectedInBoth(result("{\"score\": {\"scaled\": -1.00001}}"), "result.score.scaled must be between -1 and 1");
  }

  @Test
  void rejectsRawOutsideMinAndMax() {
    assertRejectedInBoth(result("{\"score\": {\"raw\": 11, \"max\": 10}}"),
        "result.score.raw must not be greater than max");
    assertRejectedInBoth(result("{\"score\": {\"raw\": -1, \"min\": 0}}"),
        "result.score.raw must not be less than min");
  }

  @Test
  void rejectsMinNotBelowMax() {
    assertRejectedInBoth(result("{\"score\": {\"min\": 10, \"max\": 5}}"), "result.score.min must be less than max");
    assertRejectedInBoth(result("{\"score\": {\"min\": 5, \"max\": 5}}"), "result.score.min must be less than max");
  }

  @Test
  void rejectsStringsWhereNumbersAreRequired() {
    assertRejectedInBoth(result("{\"score\": {\"max\": \"100\"}}"), "result.score.max must be a number");
    assertRejectedInBoth(result("{\"score\": {\"max\": \"one hundred\"}}"), "result.score.max must be a number");
    assertRejectedInBoth(result("{\"score\": 5}"), "result.score must be a JSON object");
  }

  @Test
  void rejectsStringsWhereBooleansAreRequired() {
    assertRejectedInBoth(result("{\"success\": \"true\"}"), "result.success must be a boolean");
    assertRejectedInBoth(result("{\"completion\": \"false\"}"), "result.completion must be a boolean");
    assertRejectedInBoth(result("{\"completion\": 1}"), "result.completion must be a boolean");
  }

  @Test
  void rejectsResponseThatIsNotAString() {
    assertRejectedInBoth(result("{\"response\": 12345}"), "result.response must be a string");
  }

  @Test
  void rejectsUnknownResultOrScoreProperty() {
    assertRejectedInBoth(result("{\"grade\": \"A\"}"), "result.grade is not an allowed property");
    assertRejectedInBoth(result("{\"score\": {\"percent\": 50}}"), "result.score.percent is not an allowed property");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT1H0M0.1S", "PT4H35M59.14S", "PT16559.14S", "P3Y1M29DT4H35M59.14S", "P3Y", "P4W",
      "P1DT12H36M0.12567S", "PT0S", "P0.5Y"})
  void acceptsIso8601Durations(String duration) {
    assertValidInBoth(result("{\"duration\": \"" + duration + "\"}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PA1H0M0S", "P4W1D", "should fail", "P", "PT", "P1.5Y2M", "P0003-01-00T00:00:00", "1H"})
  void rejectsInvalidDurations(String duration) {
    assertRejectedInBoth(result("{\"duration\": \"" + duration + "\"}"),
        "result.duration must be an ISO 8601 duration");
  }

  @Test
  void rejectsDurationThatIsNotAString() {
    assertRejectedInBoth(result("{\"duration\": 12345}"), "result.duration must be a string");
  }

  @Test
  void acceptsEmptyOrNullExtensionValues() {
    assertValidInBoth(result("{\"extensions\": {\"http://example.com/ex\": null}}"));
    assertValidInBoth(result("{\"extensions\": {}}"));
  }

  @Test
  void rejectsExtensionsThatAreNotAMapOfIris() {
    assertRejectedInBoth(result("{\"extensions\": 12345}"), "result.extensions must be a JSON object");
    assertRejectedInBoth(result("{\"extensions\": {\"example.com/extension/wrong\": 1234}}"), "not an IRI");
  }
}
