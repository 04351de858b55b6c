package es.civica.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A simulation (FORMAT.md, simulation-*.json). Its model is interpreted by the code that implements it (for unit
 * 4, {@code es.civica.content.simulation.EngagementModel}); the loader keeps the model, target and controls as JSON.
 *
 * @param id       local id, e.g. {@code u4-sim-engagement}
 * @param iri      activity IRI, {@code <unit IRI>/simulation/<id>}
 * @param unit     unit number
 * @param title    title
 * @param intro    Markdown introduction
 * @param seed     seed of the model's pseudo-random noise
 * @param weeks    simulated weeks
 * @param controls what the learner sets
 * @param model    model parameters
 * @param target   what the learner must reach
 * @param debrief  debrief shown after the run (Markdown text or an object)
 * @param json     the whole file, for fields the model reads that this record does not name (read-only copy)
 */
public record Simulation(String id, String iri, int unit, String title, String intro, long seed, int weeks,
                         List<Control> controls, JsonNode model, JsonNode target, JsonNode debrief, JsonNode json) {

    public Simulation {
        controls = List.copyOf(controls);
    }

    /**
     * A control the learner sets.
     *
     * @param json the control's whole JSON (range, step, default, options…)
     */
    public record Control(String id, String label, String type, JsonNode json) {}
}
