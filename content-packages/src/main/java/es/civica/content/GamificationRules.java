package es.civica.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gamification rules of the course (FORMAT.md, Gamification; {@code gamification/rules.json}): XP per kind of
 * achievement, levels, working-day streaks, badges with criteria over statements, the cheat guard. Every figure the
 * server's engine uses comes from here.
 *
 * @param timeZone           zone in which days and weeks are counted
 * @param firstCorrectAnswer XP the first time an item is answered right
 * @param quizBase           XP for the first pass of a quiz
 * @param quizBands          bonus by score band, in descending {@code minScaled}; the first band reached applies
 * @param scenarioEnding     XP per ending tier (best, good, poor, bad); per scenario the best tier reached counts
 * @param simulationTarget   XP the first time a simulation's target is met
 * @param levels             levels in ascending {@code minXp}, numbered from 1
 * @param workingDays        days of the week that count for streaks
 * @param holidays           public holidays: like weekends, they freeze a streak
 * @param maxXpActions       cheat guard: XP-earning actions allowed within {@code window}
 * @param window             cheat guard window
 * @param badges             the badges, in display order
 */
public record GamificationRules(ZoneId timeZone, int firstCorrectAnswer, int quizBase, List<Band> quizBands,
                                Map<String, Integer> scenarioEnding, int simulationTarget, List<Level> levels,
                                Set<DayOfWeek> workingDays, Set<LocalDate> holidays, int maxXpActions,
                                Duration window, List<Badge> badges) {

    /** Where the rules live in a content package. */
    public static final String FILE = "gamification/rules.json";

    public GamificationRules {
        quizBands = List.copyOf(quizBands);
        scenarioEnding = Map.copyOf(scenarioEnding);
        levels = List.copyOf(levels);
        workingDays = Set.copyOf(workingDays);
        holidays = Set.copyOf(holidays);
        badges = List.copyOf(badges);
    }

    /** A quiz score band: from {@code minScaled} up, {@code bonus} extra XP. */
    public record Band(double minScaled, int bonus, String label) {}

    /** A level: reached with {@code minXp}. */
    public record Level(int number, String name, int minXp) {}

    /** A badge and what earns it. */
    public record Badge(String id, String name, String description, String howTo, Criteria criteria) {}

    /**
     * A badge criterion over statements. {@code type}: {@code scenarioEnding} (a completed scenario — {@code scenario}
     * or any of {@code scenarioKind} — at {@code tier}, each final metric of {@code metricsAtMost} at most its value),
     * {@code simulationTarget} ({@code simulation}'s target met within {@code maxRuns} runs), {@code streak}
     * ({@code workingDays} working days in a row), {@code unitsPassed} (every unit of {@code units} passed).
     */
    public record Criteria(String type, String scenario, String scenarioKind, String tier,
                           Map<String, Double> metricsAtMost, String simulation, int maxRuns, int workingDays,
                           List<Integer> units) {
        public Criteria {
            metricsAtMost = Map.copyOf(metricsAtMost);
            units = List.copyOf(units);
        }
    }

    /** The band a passing scaled score falls in (the first whose minimum it reaches). */
    public Optional<Band> band(double scaled) {
        return quizBands.stream().filter(b -> scaled + 1e-9 >= b.minScaled()).findFirst();
    }

    /** The level of a total of XP. */
    public Level level(int xp) {
        Level at = levels.get(0);
        for (Level l : levels) {
            if (xp >= l.minXp()) {
                at = l;
            }
        }
        return at;
    }

    /** The level after {@code level}, if any. */
    public Optional<Level> next(Level level) {
        return level.number() < levels.size() ? Optional.of(levels.get(level.number())) : Optional.empty();
    }

    /** Whether a day counts for streaks (a working day that is not a holiday). */
    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    public Optional<Badge> badge(String id) {
        return badges.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** Maps a validated rules file. */
    static GamificationRules fromJson(JsonNode json) {
        JsonNode xp = json.path("xp");
        List<Band> bands = new ArrayList<>();
        xp.path("quizPassed").path("bands").forEach(b -> bands.add(new Band(b.path("minScaled").asDouble(),
                b.path("bonus").asInt(), b.path("label").asText())));
        Map<String, Integer> endings = new LinkedHashMap<>();
        xp.path("scenarioEnding").fields().forEachRemaining(e -> endings.put(e.getKey(), e.getValue().asInt()));
        List<Level> levels = new ArrayList<>();
        json.path("levels").forEach(l -> levels.add(new Level(levels.size() + 1, l.path("name").asText(),
                l.path("minXp").asInt())));
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        json.path("streak").path("workingDays").forEach(d -> days.add(DayOfWeek.valueOf(d.asText())));
        Set<LocalDate> holidays = new TreeSet<>();
        json.path("streak").path("holidays").forEach(d -> holidays.add(LocalDate.parse(d.asText())));
        List<Badge> badges = new ArrayList<>();
        for (JsonNode b : json.path("badges")) {
            JsonNode c = b.path("criteria");
            Map<String, Double> atMost = new LinkedHashMap<>();
            c.path("metricsAtMost").fields().forEachRemaining(e -> atMost.put(e.getKey(), e.getValue().asDouble()));
            List<Integer> units = new ArrayList<>();
            c.path("units").forEach(u -> units.add(u.asInt()));
            badges.add(new Badge(b.path("id").asText(), b.path("name").asText(), b.path("description").asText(),
                    b.path("howTo").asText(), new Criteria(c.path("type").asText(), c.path("scenario").asText(null),
                    c.path("scenarioKind").asText(null), c.path("tier").asText(null), atMost,
                    c.path("simulation").asText(null), c.path("maxRuns").asInt(), c.path("workingDays").asInt(),
                    units)));
        }
        JsonNode guard = json.path("cheatGuard");
        return new GamificationRules(ZoneId.of(json.path("timeZone").asText()), xp.path("firstCorrectAnswer").asInt(),
                xp.path("quizPassed").path("base").asInt(), bands, endings, xp.path("simulationTarget").asInt(),
                levels, days, holidays, guard.path("maxXpActions").asInt(),
                Duration.ofMinutes(guard.path("windowMinutes").asInt()), badges);
    }
}
