package es.civica.xapi.statement;

import static es.civica.xapi.statement.Statements.assertRejectedInBoth;
import static es.civica.xapi.statement.Statements.assertValidInBoth;
import static es.civica.xapi.statement.Statements.json;
import static es.civica.xapi.statement.Statements.load;
import static es.civica.xapi.statement.Statements.with;
import static es.civica.xapi.statement.Statements.without;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Activities, definitions, interactions, language maps and extensions (Data 2.4.4.1, 4.1, 4.2). */
class ActivityValidationTest {

  private final JsonObject minimal = load("minimal");
  private final JsonObject full = load("full");

  private JsonObject definition(String definitionJson) {
    return with(minimal, "object.definition", json(definitionJson));
  }

  @Test
  void acceptsActivityWithoutObjectTypeOrDefinition() {
    assertValidInBoth(minimal);
    assertValidInBoth(with(minimal, "object.objectType", "Activity"));
    assertValidInBoth(definition("{}"));
  }

  @Test
  void rejectsActivityWithoutIdOrWithNonIriId() {
    assertRejectedInBoth(without(minimal, "object.id"), "object.id is required");
    assertRejectedInBoth(with(minimal, "object.id", "www.example.com/meetings/1"), "object.id must be an IRI");
    assertRejectedInBoth(with(minimal, "object.id", "ab=c://should.fail.com"), "object.id must be an IRI");
    assertRejectedInBoth(with(minimal, "object.id", "http://example.com/a b"), "object.id must be an IRI");
  }

  @Test
  void rejectsDefinitionThatIsNotAnObject() {
    assertRejectedInBoth(with(minimal, "object.definition", "meeting"), "object.definition must be a JSON object");
  }

  @Test
  void rejectsUnknownDefinitionProperty() {
    assertRejectedInBoth(definition("{\"title\": \"x\"}"), "object.definition.title is not an allowed property");
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "description"})
  void rejectsNameOrDescriptionThatIsNotALanguageMap(String key) {
    assertRejectedInBoth(definition("{\"" + key + "\": 12345}"), "object.definition." + key + " must be a JSON object");
    assertRejectedInBoth(definition("{\"" + key + "\": \"text\"}"),
        "object.definition." + key + " must be a JSON object");
    assertRejectedInBoth(definition("{\"" + key + "\": {\"a12345\": \"x\"}}"), "is not keyed by a valid RFC 5646");
    assertRejectedInBoth(definition("{\"" + key + "\": {\"es\": 1}}"), "must be a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"es", "es-ES", "zh-Hant", "sr-Latn-RS", "zh-Hans-CN", "de-CH-1901", "cmn", "ase", "tlh",
      "x-klingon", "i-klingon", "en-a-bbb-x-a-ccc"})
  void acceptsWellFormedLanguageTags(String tag) {
    assertValidInBoth(definition("{\"name\": {\"" + tag + "\": \"x\"}}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"something", "a12345", "en_US", "zh-z-aaa-z-bbb-c-ccc", "de-1901-1901", "", "en-"})
  void rejectsMalformedLanguageTags(String tag) {
    assertRejectedInBoth(definition("{\"name\": {\"" + tag + "\": \"x\"}}"), "is not keyed by a valid RFC 5646");
  }

  @Test
  void rejectsTypeAndMoreInfoWithoutScheme() {
    assertRejectedInBoth(definition("{\"type\": \"adlnet.gov/expapi/activities/meeting\"}"),
        "object.definition.type must be an IRI");
    assertRejectedInBoth(definition("{\"moreInfo\": \"virtualmeeting.example.com/345256\"}"),
        "object.definition.moreInfo must be an IRL");
  }

  @Test
  void acceptsAnyExtensionValueIncludingNull() {
    assertValidInBoth(definition("{\"extensions\": {\"http://example.com/ex\": null}}"));
    assertValidInBoth(definition("{\"extensions\": {\"http://example.com/ex\": \"\"}}"));
    assertValidInBoth(definition("{\"extensions\": {\"http://example.com/ex\": {}}}"));
    assertValidInBoth(definition("{\"extensions\": {\"http://example.com/ex\": [1, {\"a\": null}]}}"));
    assertValidInBoth(definition("{\"extensions\": {}}"));
  }

  @Test
  void rejectsExtensionKeyThatIsNotAnIri() {
    assertRejectedInBoth(definition("{\"extensions\": {\"should fail\": true}}"), "has a key that is not an IRI");
    assertRejectedInBoth(definition("{\"extensions\": {\"not.valid.com/extension\": 1}}"),
        "has a key that is not an IRI");
    assertRejectedInBoth(definition("{\"extensions\": \"x\"}"), "object.definition.extensions must be a JSON object");
  }

  @ParameterizedTest
  @CsvSource({"true-false,", "choice,choices", "fill-in,", "long-fill-in,", "matching,source", "matching,target",
      "performance,steps", "sequencing,choices", "likert,scale", "numeric,", "other,"})
  void acceptsEveryInteractionTypeWithItsComponents(String type, String components) {
    JsonObject definition = json("{\"interactionType\": \"" + type + "\", \"correctResponsesPattern\": [\"x\"]}");
    if (components != null) {
      definition.put(components,
          Statements.array("[{\"id\": \"a\", \"description\": {\"es\": \"A\"}}, {\"id\": \"b\"}]"));
    }
    assertValidInBoth(with(minimal, "object.definition", definition));
  }

  @ParameterizedTest
  @ValueSource(strings = {"choiCe", "true-faLse", "Other", "http://adlnet.gov/expapi/activities/cmi.interaction"})
  void rejectsInteractionTypeNotInTheSpecExactly(String type) {
    assertRejectedInBoth(definition("{\"interactionType\": \"" + type + "\"}"),
        "object.definition.interactionType must be one of");
  }

  @Test
  void rejectsInteractionTypeThatIsNotAString() {
    assertRejectedInBoth(definition("{\"interactionType\": 12345}"), "interactionType must be one of");
    assertRejectedInBoth(definition("{\"interactionType\": {\"a\": 1}}"), "interactionType must be one of");
  }

  @ParameterizedTest
  @ValueSource(strings = {"correctResponsesPattern", "choices", "scale", "source", "target", "steps"})
  void rejectsInteractionPropertiesWithoutInteractionType(String property) {
    JsonObject statement = with(full, "object.definition.interactionType", "choice");
    statement.getJsonObject("object").getJsonObject("definition").remove("interactionType");
    statement.getJsonObject("object").getJsonObject("definition").remove("choices");
    statement.getJsonObject("object").getJsonObject("definition").remove("correctResponsesPattern");
    JsonObject withProperty = with(statement, "object.definition." + property,
        Statements.array(property.equals("correctResponsesPattern") ? "[\"a\"]" : "[{\"id\": \"a\"}]"));
    assertRejectedInBoth(withProperty, "object.definition.interactionType is required when " + property);
  }

  @Test
  void rejectsComponentListThatDoesNotBelongToTheInteractionType() {
    assertRejectedInBoth(definition("{\"interactionType\": \"true-false\", \"choices\": [{\"id\": \"a\"}]}"),
        "object.definition.choices is not allowed for interactionType \"true-false\"");
    assertRejectedInBoth(definition("{\"interactionType\": \"choice\", \"scale\": [{\"id\": \"a\"}]}"),
        "object.definition.scale is not allowed for interactionType \"choice\"");
  }

  @Test
  void rejectsInvalidInteractionComponents() {
    assertRejectedInBoth(definition("{\"interactionType\": \"choice\", "
        + "\"choices\": [{\"description\": {\"es\": \"A\"}}]}"),
        "object.definition.choices[0].id is required");
    assertRejectedInBoth(definition("{\"interactionType\": \"choice\", "
        + "\"choices\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}"),
        "object.definition.choices[1].id duplicates another component id");
    assertRejectedInBoth(definition("{\"interactionType\": \"choice\", "
        + "\"choices\": [{\"id\": \"a\", \"name\": \"A\"}]}"),
        "object.definition.choices[0].name is not an allowed property");
    assertRejectedInBoth(definition("{\"interactionType\": \"likert\", \"scale\": [{\"id\": \"a\", "
        + "\"description\": {\"something\": \"A\"}}]}"), "is not keyed by a valid RFC 5646");
  }

  @Test
  void rejectsCorrectResponsesPatternThatIsNotAnArrayOfStrings() {
    assertRejectedInBoth(definition("{\"interactionType\": \"fill-in\", \"correctResponsesPattern\": \"a\"}"),
        "correctResponsesPattern must be a JSON array");
    assertRejectedInBoth(definition("{\"interactionType\": \"numeric\", \"correctResponsesPattern\": [4]}"),
        "correctResponsesPattern[0] must be a string");
  }

  @Test
  void rejectsUnknownActivityProperty() {
    assertRejectedInBoth(with(minimal, "object.name", "x"), "object.name is not an allowed property");
  }
}
