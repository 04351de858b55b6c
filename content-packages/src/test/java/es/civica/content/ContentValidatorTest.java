package es.civica.content;

import static es.civica.content.Fixture.ITEMS1;
import static es.civica.content.Fixture.SCENARIO1;
import static es.civica.content.Fixture.SCENARIO4;
import static es.civica.content.Fixture.UNIT1;
import static es.civica.content.Fixture.UNIT1_JSON;
import static es.civica.content.Fixture.UNIT4;
import static es.civica.content.Fixture.array;
import static es.civica.content.Fixture.assertDefect;
import static es.civica.content.Fixture.assertValid;
import static es.civica.content.Fixture.assertWarning;
import static es.civica.content.Fixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of FORMAT.md "Checks" is caught on a broken copy of the fixture course, with file and JSON path. */
class ContentValidatorTest {

    @TempDir
    Path dir;
    Fixture course;

    @BeforeEach
    void copyFixture() {
        course = Fixture.copyTo(dir);
    }

    @Test
    @DisplayName("the fixture course is valid and becomes a model")
    void acceptsTheFixtureCourse() {
        ValidationReport report = course.validate();
        assertValid(report);
        assertTrue(report.course().isPresent());
    }

    @Nested
    @DisplayName("files")
    class Files_ {
        @Test
        void rejectsFileThatIsNotJsonWithItsLine() {
            course.write(ITEMS1, "{\n  \"unit\": 1,\n  \"items\": [,]\n}");
            assertDefect(course.validate(), ITEMS1, "$", "not valid JSON (line 3");
        }

        @Test
        void rejectsDuplicateKeyInAJsonObject() {
            course.write("i18n/en.json", "{\"quiz.submit\": \"Check\", \"quiz.submit\": \"Again\", \"quiz.score\": \"{score}%\"}");
            assertDefect(course.validate(), "i18n/en.json", "$", "Duplicate field 'quiz.submit'");
        }

        @Test
        void rejectsUnitFolderListedButMissing() {
            course.delete(UNIT4);
            assertDefect(course.validate(), "course.json", "$.units[1]", "units/4-local/ does not exist");
        }

        @Test
        void rejectsUnitFolderNotListedInTheCourse() {
            course.write("units/9-extra/unit.json", "{}");
            assertDefect(course.validate(), "units/9-extra/", "$", "not listed in course.json");
        }

        @Test
        void rejectsMissingItemsFile() {
            course.delete(ITEMS1);
            assertDefect(course.validate(), ITEMS1, "$", "file is missing");
        }

        @Test
        void rejectsStrayFileInAUnitFolder() {
            course.write(UNIT1 + "notes.json", "{}");
            assertDefect(course.validate(), UNIT1 + "notes.json", "$", "unexpected file");
        }

        @Test
        void rejectsScenarioListedWithoutAFile() {
            course.delete(SCENARIO1);
            assertDefect(course.validate(), UNIT1_JSON, "$.scenarios[0]", "\"u1-sc-estrategia\"");
        }

        @Test
        void rejectsScenarioFileTheUnitDoesNotList() {
            course.edit(UNIT1_JSON, u -> u.putArray("scenarios"));
            assertDefect(course.validate(), SCENARIO1, "$.id", "not listed in " + UNIT1_JSON);
        }
    }

    @Nested
    @DisplayName("schema")
    class Schema {
        @Test
        void reportsSchemaViolationWithFileAndPath() {
            course.edit(ITEMS1, j -> at(j, "/items/2").remove("prompt"));
            assertDefect(course.validate(), ITEMS1, "$.items[2]", "required property 'prompt' not found");
        }

        @Test
        void rejectsUnknownField() {
            course.edit(UNIT1_JSON, j -> at(j, "/lessons/0").put("duration", 5));
            assertDefect(course.validate(), UNIT1_JSON, "$.lessons[0]", "'duration' is not defined in the schema");
        }

        @Test
        void rejectsFieldOfAnotherItemType() {
            course.edit(ITEMS1, j -> at(j, "/items/0").putArray("steps"));
            assertDefect(course.validate(), ITEMS1, "$.items[0].steps", "not allowed here");
        }

        @Test
        void rejectsInteractionTypeThatDoesNotMatchTheItemType() {
            course.edit(ITEMS1, j -> at(j, "/items/4").put("interactionType", "ordering"));
            assertDefect(course.validate(), ITEMS1, "$.items[4].interactionType", "sequencing");
        }

        @Test
        void rejectsIdOutsideTheFormat() {
            course.edit(ITEMS1, j -> at(j, "/items/0").put("id", "U1-Item-1"));
            assertDefect(course.validate(), ITEMS1, "$.items[0].id", "does not match the regex pattern");
        }

        @Test
        void rejectsSourceWithoutPassage() {
            course.edit(UNIT1_JSON, j -> at(j, "/lessons/0/sections/1/source").remove("passage"));
            assertDefect(course.validate(), UNIT1_JSON, "$.lessons[0].sections[1].source", "'passage' not found");
        }

        @Test
        void rejectsBlankMarkdownText() {
            course.edit(UNIT1_JSON, j -> at(j, "/lessons/0/sections/0").put("body", "   "));
            assertDefect(course.validate(), UNIT1_JSON, "$.lessons[0].sections[0].body", "pattern");
        }

        @Test
        void rejectsDecisionWithOneChoice() {
            course.edit(SCENARIO1, j -> array(j, "/nodes/1/choices").remove(1));
            assertDefect(course.validate(), SCENARIO1, "$.nodes[1].choices", "at least 2");
        }
    }

    @Nested
    @DisplayName("items")
    class Items {
        @Test
        void rejectsItemWithoutCorrectAnswer() {
            course.edit(ITEMS1, j -> at(j, "/items/0/options/0").put("correct", false));
            assertDefect(course.validate(), ITEMS1, "$.items[0].options", "item u1-i01 has no correct answer");
        }

        @Test
        void rejectsSingleChoiceWithSeveralCorrectOptions() {
            course.edit(ITEMS1, j -> at(j, "/items/0/options/1").put("correct", true));
            assertDefect(course.validate(), ITEMS1, "$.items[0].options", "2 correct options (exactly one allowed)");
        }

        @Test
        void rejectsMultipleResponseWithFewerThanTwoCorrectOptions() {
            course.edit(ITEMS1, j -> at(j, "/items/1/options/1").put("correct", false));
            assertDefect(course.validate(), ITEMS1, "$.items[1].options", "only one correct option");
        }

        @Test
        void rejectsTrueFalseWithBothAnswersCorrect() {
            course.edit(ITEMS1, j -> at(j, "/items/2/options/1").put("correct", true));
            assertDefect(course.validate(), ITEMS1, "$.items[2].options", "exactly one allowed");
        }

        @Test
        void rejectsTrueFalseOptionWithTheWrongLabel() {
            course.edit(ITEMS1, j -> at(j, "/items/2/options/0").put("text", "Falso"));
            assertDefect(course.validate(), ITEMS1, "$.items[2].options[0].text", "must read \"Verdadero\"");
        }

        @Test
        void rejectsOptionWithoutFeedback() {
            course.edit(ITEMS1, j -> at(j, "/items/0/options/1").remove("feedback"));
            assertDefect(course.validate(), ITEMS1, "$.items[0].options[1]", "required property 'feedback' not found");
        }

        @Test
        void rejectsMatchingSourceWithoutFeedback() {
            course.edit(ITEMS1, j -> at(j, "/items/3/sources/0").remove("feedback"));
            assertDefect(course.validate(), ITEMS1, "$.items[3].sources[0]", "required property 'feedback' not found");
        }

        @Test
        void rejectsOrderingStepWithoutFeedback() {
            course.edit(ITEMS1, j -> at(j, "/items/4/steps/2").remove("feedback"));
            assertDefect(course.validate(), ITEMS1, "$.items[4].steps[2]", "required property 'feedback' not found");
        }

        @Test
        void rejectsFillInWithoutIncorrectFeedback() {
            course.edit(ITEMS1, j -> at(j, "/items/5").remove("feedbackIncorrect"));
            assertDefect(course.validate(), ITEMS1, "$.items[5]", "'feedbackIncorrect' not found");
        }

        @Test
        void rejectsFeedbackThatDoesNotExplainWhy() {
            course.edit(ITEMS1, j -> at(j, "/items/0/options/1").put("feedback", "Incorrecto."));
            assertDefect(course.validate(), ITEMS1, "$.items[0].options[1].feedback", "too short to explain why");
        }

        @Test
        void rejectsDuplicateOptionId() {
            course.edit(ITEMS1, j -> at(j, "/items/1/options/2").put("id", "a"));
            assertDefect(course.validate(), ITEMS1, "$.items[1].options[2].id", "duplicate option id \"a\"");
        }

        @Test
        void rejectsMatchingPairNamingAMissingTarget() {
            course.edit(ITEMS1, j -> at(j, "/items/3/pairs/1").put("target", "nadie"));
            assertDefect(course.validate(), ITEMS1, "$.items[3].pairs[1].target", "missing target \"nadie\"");
        }

        @Test
        void rejectsMatchingSourceWithoutPair() {
            course.edit(ITEMS1, j -> at(j, "/items/3/pairs/1").put("source", "push"));
            ValidationReport report = course.validate();
            assertDefect(report, ITEMS1, "$.items[3].sources[0]", "appears in 2 pairs");
            assertDefect(report, ITEMS1, "$.items[3].sources[1]", "appears in 0 pairs");
        }

        @Test
        void rejectsItemNamingAMissingObjective() {
            course.edit(ITEMS1, j -> at(j, "/items/0").put("objective", "u1-o9"));
            assertDefect(course.validate(), ITEMS1, "$.items[0].objective", "\"u1-o9\", which this unit does not define");
        }

        @Test
        void rejectsItemsFileOfAnotherUnit() {
            course.edit(ITEMS1, j -> j.put("unit", 2));
            assertDefect(course.validate(), ITEMS1, "$.unit", "does not match the folder number 1");
        }
    }

    @Nested
    @DisplayName("ids")
    class Ids {
        @Test
        void rejectsDuplicateIdWithinAFile() {
            course.edit(ITEMS1, j -> at(j, "/items/1").put("id", "u1-i01"));
            assertDefect(course.validate(), ITEMS1, "$.items[1].id", "duplicate id \"u1-i01\"");
        }

        @Test
        void rejectsDuplicateIdAcrossFiles() {
            course.edit(UNIT1_JSON, j -> at(j, "/quiz").put("id", "u1-sc-estrategia"));
            // the quiz pattern rejects it too; the duplicate is reported where it is found second
            assertDefect(course.validate(), SCENARIO1, "$.id", "duplicate id \"u1-sc-estrategia\"");
        }

        @Test
        void rejectsIdWithoutItsUnitPrefix() {
            course.edit(UNIT4 + "items.json", j -> at(j, "/items/1").put("id", "u1-i99"));
            assertDefect(course.validate(), UNIT4 + "items.json", "$.items[1].id", "must start with the unit prefix u4-");
        }

        @Test
        void rejectsUnitNumberThatDoesNotMatchTheFolder() {
            course.edit(UNIT1_JSON, j -> j.put("number", 2));
            assertDefect(course.validate(), UNIT1_JSON, "$.number", "does not match the folder 1-demo");
        }

        @Test
        void rejectsUnitIriThatDoesNotFollowTheCourse() {
            course.edit(UNIT1_JSON, j -> j.put("id", "https://civica.app/xapi/activities/course/other/unit/1"));
            assertDefect(course.validate(), UNIT1_JSON, "$.id", "unit id must be https://civica.app/xapi/activities/course/fixture/unit/1");
        }

        @Test
        void rejectsSectionNamingAMissingObjective() {
            course.edit(UNIT1_JSON, j -> array(j, "/lessons/0/sections/1/objectives").add("u1-o7"));
            assertDefect(course.validate(), UNIT1_JSON, "$.lessons[0].sections[1].objectives[1]", "\"u1-o7\"");
        }
    }

    @Nested
    @DisplayName("quiz and coverage")
    class Quiz {
        @Test
        void rejectsQuizDrawingMoreItemsThanTheBankHolds() {
            course.edit(UNIT1_JSON, j -> at(j, "/quiz/draw/0").put("count", 4));
            assertDefect(course.validate(), UNIT1_JSON, "$.quiz.draw[0].count", "draws 4 items for u1-o1 but the bank holds only 3");
        }

        @Test
        void warnsWhenTheQuizDrawsMoreThanHalfAnObjectivesItems() {
            course.edit(UNIT1_JSON, j -> at(j, "/quiz/draw/0").put("count", 2));
            ValidationReport report = course.validate();
            assertValid(report);
            assertWarning(report, UNIT1_JSON, "$.quiz.draw[0].count", "at most half");
        }

        @Test
        void rejectsQuizDrawingFromAMissingObjective() {
            course.edit(UNIT1_JSON, j -> at(j, "/quiz/draw/1").put("objective", "u1-o5"));
            assertDefect(course.validate(), UNIT1_JSON, "$.quiz.draw[1].objective", "\"u1-o5\"");
        }

        @Test
        void rejectsObjectiveNoItemCovers() {
            course.edit(UNIT1_JSON, j -> array(j, "/objectives").addObject().put("id", "u1-o3").put("text", "Otro objetivo nuevo."));
            assertDefect(course.validate(), UNIT1_JSON, "$.objectives[2]", "objective u1-o3 is covered by no item");
        }
    }

    @Nested
    @DisplayName("scenarios")
    class Scenarios {
        @Test
        void rejectsEdgeToAMissingNode() {
            course.edit(SCENARIO1, j -> at(j, "/nodes/0/choices/1").put("next", "n7"));
            assertDefect(course.validate(), SCENARIO1, "$.nodes[0].choices[1].next", "points to missing node \"n7\"");
        }

        @Test
        void rejectsRouteToAMissingNode() {
            course.edit(SCENARIO1, j -> at(j, "/nodes/2/routes/1").put("next", "e-none"));
            assertDefect(course.validate(), SCENARIO1, "$.nodes[2].routes[1].next", "missing node \"e-none\"");
        }

        @Test
        void rejectsMissingStartNode() {
            course.edit(SCENARIO1, j -> j.put("start", "n0"));
            assertDefect(course.validate(), SCENARIO1, "$.start", "start node \"n0\" does not exist");
        }

        @Test
        void rejectsUnreachableNode() {
            course.edit(SCENARIO1, j -> array(j, "/nodes").addObject().put("id", "e-lost").put("type", "ending")
                    .put("tier", "poor").put("title", "Perdido").put("text", "Nadie llega aquí.").put("lessonRef", "u1-l1-s1"));
            assertDefect(course.validate(), SCENARIO1, "$.nodes[6]", "node e-lost is unreachable from start node n1");
        }

        @Test
        void rejectsCyclicScenario() {
            course.edit(SCENARIO1, j -> at(j, "/nodes/1/choices/1").put("next", "n1"));
            assertDefect(course.validate(), SCENARIO1, "$.nodes[1].choices[1].next", "cycle: n1 → n2 → n1");
        }

        @Test
        void rejectsScenarioWithNoPathToABestEnding() {
            course.edit(SCENARIO1, j -> at(j, "/nodes/3").put("tier", "good"));
            assertDefect(course.validate(), SCENARIO1, "$", "no path reaches a best ending");
        }

        @Test
        void rejectsBestEndingNoPathScoreCanReach() {
            course.edit(SCENARIO1, j -> at(j, "/nodes/2/routes/0").put("minScore", 100));
            ValidationReport report = course.validate();
            assertDefect(report, SCENARIO1, "$.nodes[3]", "node e-best is never reached in play");
            assertDefect(report, SCENARIO1, "$", "no path reaches a best ending");
        }

        @Test
        void rejectsRouterWithNoRouteForTheLowestScore() {
            course.edit(SCENARIO1, j -> at(j, "/nodes/2/routes/2").put("minScore", 1));
            assertDefect(course.validate(), SCENARIO1, "$.nodes[2].routes", "no route for a path score of 0");
        }

        @Test
        void rejectsRoutesOutOfDescendingOrder() {
            course.edit(SCENARIO1, j -> at(j, "/nodes/2/routes/1").put("minScore", 8));
            assertDefect(course.validate(), SCENARIO1, "$.nodes[2].routes[1].minScore", "descending minScore order");
        }

        @Test
        void rejectsDuplicateNodeId() {
            course.edit(SCENARIO1, j -> at(j, "/nodes/4").put("id", "e-best"));
            assertDefect(course.validate(), SCENARIO1, "$.nodes[4].id", "duplicate node id");
        }

        @Test
        void rejectsDuplicateChoiceId() {
            course.edit(SCENARIO1, j -> at(j, "/nodes/1/choices/1").put("id", "a"));
            assertDefect(course.validate(), SCENARIO1, "$.nodes[1].choices[1].id", "duplicate choice id \"a\"");
        }

        @Test
        void rejectsLessonRefToAMissingSection() {
            course.edit(SCENARIO1, j -> at(j, "/nodes/4").put("lessonRef", "u1-l9-s9"));
            assertDefect(course.validate(), SCENARIO1, "$.nodes[4].lessonRef", "\"u1-l9-s9\", which does not exist");
        }

        @Test
        void rejectsEffectOnAnUndeclaredMetric() {
            course.edit(SCENARIO1, j -> at(j, "/nodes/0/choices/0/effects").put("reputation", 5));
            assertDefect(course.validate(), SCENARIO1, "$.nodes[0].choices[0].effects.reputation", "does not declare");
        }

        @Test
        void rejectsMetricWhoseInitialValueIsOutOfRange() {
            course.edit(SCENARIO4, j -> at(j, "/metrics/0").put("initial", 140));
            assertDefect(course.validate(), SCENARIO4, "$.metrics[0].initial", "outside min..max");
        }

        @Test
        void rejectsRubricPointsForAnUndeclaredCriterion() {
            course.edit(SCENARIO1, j -> {
                j.putObject("rubric").putArray("criteria").addObject().put("id", "objetivos").put("label", "Objetivos")
                        .put("maxPoints", 4);
                at(j, "/nodes/0/choices/0").putObject("rubric").put("publicos", 2);
            });
            assertDefect(course.validate(), SCENARIO1, "$.nodes[0].choices[0].rubric.publicos", "not declared");
        }

        @Test
        void acceptsARubricScenario() {
            course.edit(SCENARIO1, j -> {
                j.putObject("rubric").putArray("criteria").addObject().put("id", "objetivos").put("label", "Objetivos")
                        .put("maxPoints", 4);
                at(j, "/nodes/0/choices/0").putObject("rubric").put("objetivos", 2);
            });
            assertValid(course.validate());
        }

        @Test
        void rejectsEndingWithChoices() {
            course.edit(SCENARIO1, j -> at(j, "/nodes/3").putArray("choices"));
            assertDefect(course.validate(), SCENARIO1, "$.nodes[3].choices", "not allowed here");
        }
    }

    @Nested
    @DisplayName("simulations")
    class Simulations {
        static final String SIMULATION = UNIT4 + "simulation-engagement.json";

        @Test
        void rejectsIntegerDefaultOutsideItsRange() {
            course.edit(SIMULATION, j -> at(j, "/controls/0").put("default", 40));
            assertDefect(course.validate(), SIMULATION, "$.controls[0].default", "default 40 is not a value of 1..35");
        }

        @Test
        void rejectsSelectDefaultThatIsNotAnOption() {
            course.edit(SIMULATION, j -> at(j, "/controls/3").put("default", "2h"));
            assertDefect(course.validate(), SIMULATION, "$.controls[3].default", "\"2h\" is not one of its options");
        }

        @Test
        void rejectsMultiSelectDefaultBelowTheMinimumSelection() {
            course.edit(SIMULATION, j -> at(j, "/controls/1").putArray("default"));
            assertDefect(course.validate(), SIMULATION, "$.controls[1].default", "default selects 0 options");
        }

        @Test
        void rejectsPercentagesThatDoNotAddUpToTheTotal() {
            course.edit(SIMULATION, j -> at(j, "/controls/2/default").put("propaganda", 70));
            assertDefect(course.validate(), SIMULATION, "$.controls[2].default", "add up to 95, not 100");
        }

        @Test
        void rejectsUnknownControlType() {
            course.edit(SIMULATION, j -> at(j, "/controls/0").put("type", "slider"));
            assertDefect(course.validate(), SIMULATION, "$.controls[0].type", "enumeration");
        }

        @Test
        void rejectsTargetWeekAfterTheLastWeek() {
            course.edit(SIMULATION, j -> at(j, "/target").put("week", 9));
            assertDefect(course.validate(), SIMULATION, "$.target.week", "after the last simulated week 4");
        }

        @Test
        void rejectsSimulationTheUnitDoesNotList() {
            course.edit(UNIT4 + "unit.json", j -> j.putArray("simulations"));
            assertDefect(course.validate(), SIMULATION, "$.id", "not listed in " + UNIT4 + "unit.json simulations");
        }

        @Test
        void rejectsEngagementModelWithoutParametersForAnOption() {
            course.edit(SIMULATION, j -> at(j, "/model/channels").remove("instagram"));
            assertDefect(course.validate(), SIMULATION, "$", "the engagement model cannot play this file");
        }

        @Test
        void rejectsEngagementDefaultsThatAlreadyMeetTheTarget() {
            course.edit(SIMULATION, j -> at(j, "/target").put("minEngagementRate", 0).put("minReach", 0)
                    .put("maxUnanswered", 100000));
            assertDefect(course.validate(), SIMULATION, "$.controls", "the defaults must miss it");
        }
    }

    @Nested
    @DisplayName("i18n")
    class I18n {
        @Test
        void rejectsI18nFilesWithDifferentKeySets() {
            course.edit("i18n/ca.json", j -> j.remove("quiz.score"));
            course.edit("i18n/en.json", j -> j.put("quiz.retry", "Try again"));
            ValidationReport report = course.validate();
            assertDefect(report, "i18n/ca.json", "$", "key \"quiz.score\" is missing (present in es, en)");
            assertDefect(report, "i18n/es.json", "$", "key \"quiz.retry\" is missing (present in en)");
            assertDefect(report, "i18n/ca.json", "$", "key \"quiz.retry\" is missing (present in en)");
        }

        @Test
        void rejectsTranslationWithOtherPlaceholders() {
            course.edit("i18n/en.json", j -> j.put("quiz.score", "Your score: {points}%"));
            assertDefect(course.validate(), "i18n/en.json", "$['quiz.score']", "placeholders [points] differ");
        }

        @Test
        void rejectsMissingLanguage() {
            course.delete("i18n/ca.json");
            assertDefect(course.validate(), "i18n/ca.json", "$", "file is missing");
        }
    }

    @Nested
    @DisplayName("seed passages")
    class Seeds {
        @Test
        void rejectsSourceNamingAFileThatIsNotASeed() throws Exception {
            Path seeds = seedFolder();
            course.edit(ITEMS1, j -> at(j, "/items/0/source").put("seed", "009_0000000000000000.txt"));
            ValidationReport report = course.validate(new ContentValidator().withMinimums(Minimums.NONE).withSeeds(seeds));
            assertDefect(report, ITEMS1, "$.items[0].source.seed", "\"009_0000000000000000.txt\" is not a file");
        }

        @Test
        void warnsWhenThePassageIsNotInTheSeed() throws Exception {
            Path seeds = seedFolder();
            course.edit(ITEMS1, j -> at(j, "/items/0/source").put("passage", "Una frase que el documento no contiene."));
            ValidationReport report = course.validate(new ContentValidator().withMinimums(Minimums.NONE).withSeeds(seeds));
            assertWarning(report, ITEMS1, "$.items[0].source.passage", "not found verbatim");
            assertFalse(report.warnings().stream().anyMatch(w -> w.path().equals("$.items[1].source.passage")),
                    "a quoted passage (spacing and case aside) is found");
        }

        private Path seedFolder() throws Exception {
            Path seeds = Files.createDirectories(dir.resolve("seeds"));
            Files.writeString(seeds.resolve("000_b02e7fbe7ed7d026.txt"),
                    "Unidad 1\nLas redes sociales en la gestión pública.\nEstrategias de uso:   PUSH, pull y networking.\n");
            Files.writeString(seeds.resolve("004_674d5bd56cbf841f.txt"),
                    "- Las redes sociales son de los ciudadanos. Ni de la alcaldesa.\n");
            return seeds;
        }
    }

    @Test
    @DisplayName("every defect is reported, not just the first")
    void reportsEveryDefectNotJustTheFirst() {
        course.edit(ITEMS1, j -> at(j, "/items/0/options/0").put("correct", false));
        course.edit(SCENARIO1, j -> at(j, "/nodes/0/choices/1").put("next", "n7"));
        course.edit("i18n/ca.json", j -> j.remove("quiz.score"));
        course.edit(UNIT4 + "unit.json", j -> at(j, "/quiz/draw/0").put("count", 5));
        Set<String> files = course.validate().defects().stream().map(Defect::file).collect(Collectors.toSet());
        assertEquals(Set.of(ITEMS1, SCENARIO1, "i18n/ca.json", UNIT4 + "unit.json"), files);
    }

    @Test
    @DisplayName("x-translatable is an annotation: it never changes what validates")
    void translatableAnnotationDoesNotAffectValidation() throws Exception {
        String common = new String(getClass().getResourceAsStream("/content/schema/common.schema.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(common.contains("\"x-translatable\": true"));
        assertValid(course.validate());
    }

    @Test
    @DisplayName("the defect list reads file, path and message")
    void defectPrintsFilePathAndMessage() {
        course.edit(ITEMS1, j -> at(j, "/items/0/options/0").put("correct", false));
        Defect defect = course.validate().defects().get(0);
        assertEquals(ITEMS1 + " $.items[0].options: item u1-i01 has no correct answer", defect.toString());
    }
}
