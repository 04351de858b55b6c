package es.civica.content.simulation;

import java.util.List;

/** The simulated weeks and, for the target week, each part of the target with its required and achieved value. */
public record SimulationOutcome(List<WeekResult> weeks, List<TargetPart> target, boolean targetMet) {

    public SimulationOutcome {
        weeks = List.copyOf(weeks);
        target = List.copyOf(target);
    }

    /**
     * One condition of the target: {@code id} is {@code engagementRate} (at least), {@code unanswered} (at most)
     * or {@code reach} (at least).
     */
    public record TargetPart(String id, double required, double achieved, boolean met) {
    }

    public TargetPart part(String id) {
        return target.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No target part " + id));
    }
}
