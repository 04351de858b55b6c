package es.civica.content;

import java.util.List;
import java.util.Optional;

/**
 * One unit (FORMAT.md, unit.json) together with its item bank, scenarios and simulations.
 *
 * @param id               activity IRI, {@code <course>/unit/<number>}
 * @param number           1-based unit number
 * @param slug             slug, the folder name after {@code <number>-}
 * @param folder           folder under units/
 * @param title            unit title
 * @param summary          Markdown summary
 * @param estimatedMinutes estimated study time
 * @param objectives       learning objectives
 * @param lessons          lessons in reading order
 * @param quiz             the end-of-unit quiz rule
 * @param items            the item bank
 * @param scenarios        branching scenarios, in the order unit.json lists them
 * @param simulations      simulations, in the order unit.json lists them
 */
public record Unit(String id, int number, String slug, String folder, String title, String summary,
                   int estimatedMinutes, List<Objective> objectives, List<Lesson> lessons, QuizRule quiz,
                   List<Item> items, List<Scenario> scenarios, List<Simulation> simulations) {

    public Unit {
        objectives = List.copyOf(objectives);
        lessons = List.copyOf(lessons);
        items = List.copyOf(items);
        scenarios = List.copyOf(scenarios);
        simulations = List.copyOf(simulations);
    }

    /** Activity IRI of something of this unit: {@code <unit IRI>/<kind>/<local id>} (FORMAT.md, Ids). */
    public String activityIri(String kind, String localId) {
        return id + "/" + kind + "/" + localId;
    }

    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** The items of the bank that assess one objective. */
    public List<Item> itemsFor(String objectiveId) {
        return items.stream().filter(i -> i.objective().equals(objectiveId)).toList();
    }

    public Optional<Lesson> lesson(String lessonId) {
        return lessons.stream().filter(l -> l.id().equals(lessonId)).findFirst();
    }

    public Optional<Section> section(String sectionId) {
        return lessons.stream().flatMap(l -> l.sections().stream()).filter(s -> s.id().equals(sectionId)).findFirst();
    }

    public Optional<Scenario> scenario(String scenarioId) {
        return scenarios.stream().filter(s -> s.id().equals(scenarioId)).findFirst();
    }

    public Optional<Simulation> simulation(String simulationId) {
        return simulations.stream().filter(s -> s.id().equals(simulationId)).findFirst();
    }
}
