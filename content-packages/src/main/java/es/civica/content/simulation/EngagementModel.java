package es.civica.content.simulation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The engagement-tuning simulation of unit 4: turns the learner's settings into simulated weeks of reach,
 * interactions, engagement rate and unanswered questions.
 *
 * <p>Every number of the model is read from the simulation file ({@code controls}, {@code model}, {@code target},
 * {@code seed}); this class holds only the equations, documented in FORMAT.md, section "Engagement model". It is a
 * didactic model: its parameters describe a fictitious municipality, not real-world statistics.
 *
 * <p>Deterministic: the only randomness is a small weekly noise drawn from a {@link SplittableRandom} seeded with
 * the file's seed and the week number, so the same file and controls always give the same outcome, and two
 * different settings meet the same "luck" in a given week (the comparison between them is fair).
 */
public final class EngagementModel {

    private record Channel(double audience, double reachRate, double interactionFactor, boolean conversational,
                           double baseQuestions) {
    }

    private record Slot(double reachMultiplier, boolean outOfHours) {
    }

    private record Content(double reachMultiplier, double interactionRate, double usefulShare,
                           double questionRate, double questionReduction) {
    }

    private record Response(double inTimeShare, double monitoringHoursPerChannel, double outOfHoursHours) {
    }

    private final long seed;
    private final int weeks;

    // Control definitions (bounds and option ids), used to validate the learner's settings.
    private final int minPosts;
    private final int maxPosts;
    private final int minSlots;
    private final int minChannels;
    private final int mixStep;
    private final int mixTotal;
    private final Set<String> responseIds;
    private final SimulationControls defaults;

    // Model parameters, keyed by the option ids of the controls.
    private final double teamHoursPerWeek;
    private final double hoursPerPost;
    private final double hoursPerExtraChannelPerPost;
    private final double hoursPerAnswer;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<String, Content> content = new LinkedHashMap<>();
    private final Map<String, Response> responses = new LinkedHashMap<>();
    private final double excessInteractionRate;
    private final double saturationHalfPosts;
    private final double comfortPosts;
    private final double fatigueScale;
    private final double backlogCarry;
    private final double trustInitial;
    private final double trustLearningRate;
    private final double trustBase;
    private final double trustWeight;
    private final double growthPerEngagementPoint;
    private final double unfollowPerExtraPost;
    private final double noiseAmplitude;

    // Target, checked on the results of one week (normally the last).
    private final int targetWeek;
    private final double minEngagementRate;
    private final int maxUnanswered;
    private final long minReach;

    private EngagementModel(JsonNode file) {
        seed = required(file, "seed").asLong();
        weeks = required(file, "weeks").asInt();
        if (weeks < 1) {
            throw new IllegalArgumentException("simulation: weeks must be at least 1");
        }

        Map<String, JsonNode> controls = new LinkedHashMap<>();
        for (JsonNode control : required(file, "controls")) {
            controls.put(required(control, "id").asText(), control);
        }
        JsonNode posts = control(controls, "postsPerWeek");
        minPosts = required(posts, "min").asInt();
        maxPosts = required(posts, "max").asInt();
        JsonNode slotControl = control(controls, "timeSlots");
        minSlots = slotControl.path("minSelected").asInt(1);
        JsonNode channelControl = control(controls, "channels");
        minChannels = channelControl.path("minSelected").asInt(1);
        JsonNode mixControl = control(controls, "contentMix");
        mixStep = mixControl.path("step").asInt(1);
        mixTotal = mixControl.path("total").asInt(100);
        JsonNode responseControl = control(controls, "responseTime");
        responseIds = optionIds(responseControl, "options");

        JsonNode model = required(file, "model");
        teamHoursPerWeek = number(model, "teamHoursPerWeek");
        hoursPerPost = number(model, "hoursPerPost");
        hoursPerExtraChannelPerPost = number(model, "hoursPerExtraChannelPerPost");
        hoursPerAnswer = positive(model, "hoursPerAnswer");
        for (String id : optionIds(channelControl, "options")) {
            JsonNode c = parameters(model, "channels", id);
            channels.put(id, within("model.channels." + id, () -> new Channel(number(c, "audience"),
                    number(c, "reachRate"), number(c, "interactionFactor"), required(c, "conversational").asBoolean(),
                    number(c, "baseQuestions"))));
        }
        for (String id : optionIds(slotControl, "options")) {
            JsonNode s = parameters(model, "slots", id);
            slots.put(id, within("model.slots." + id, () -> new Slot(number(s, "reachMultiplier"),
                    required(s, "outOfHours").asBoolean())));
        }
        for (String id : optionIds(mixControl, "parts")) {
            JsonNode c = parameters(model, "content", id);
            content.put(id, within("model.content." + id, () -> new Content(number(c, "reachMultiplier"),
                    number(c, "interactionRate"), number(c, "usefulShare"), number(c, "questionRate"),
                    number(c, "questionReduction"))));
        }
        for (String id : responseIds) {
            JsonNode r = parameters(model, "responseTimes", id);
            responses.put(id, within("model.responseTimes." + id, () -> new Response(number(r, "inTimeShare"),
                    number(r, "monitoringHoursPerChannel"), number(r, "outOfHoursHours"))));
        }
        excessInteractionRate = number(model, "excessInteractionRate");
        saturationHalfPosts = positive(model, "saturationHalfPosts");
        comfortPosts = number(model, "comfortPosts");
        fatigueScale = positive(model, "fatigueScale");
        backlogCarry = number(model, "backlogCarry");
        JsonNode trust = required(model, "trust");
        trustInitial = number(trust, "initial");
        trustLearningRate = number(trust, "learningRate");
        trustBase = number(trust, "base");
        trustWeight = number(trust, "weight");
        JsonNode growth = required(model, "growth");
        growthPerEngagementPoint = number(growth, "perEngagementPoint");
        unfollowPerExtraPost = number(growth, "unfollowPerExtraPost");
        noiseAmplitude = number(model, "noiseAmplitude");

        JsonNode target = required(file, "target");
        targetWeek = target.path("week").asInt(weeks);
        if (targetWeek < 1 || targetWeek > weeks) {
            throw new IllegalArgumentException("simulation: target.week must be between 1 and " + weeks);
        }
        minEngagementRate = number(target, "minEngagementRate");
        maxUnanswered = required(target, "maxUnanswered").asInt();
        minReach = required(target, "minReach").asLong();

        Map<String, Integer> defaultMix = new LinkedHashMap<>();
        required(mixControl, "default").fields().forEachRemaining(e -> defaultMix.put(e.getKey(), e.getValue().asInt()));
        defaults = new SimulationControls(required(posts, "default").asInt(), texts(required(slotControl, "default")),
                defaultMix, required(responseControl, "default").asText(), texts(required(channelControl, "default")));
        validate(defaults);
    }

    /** Reads a simulation file; throws IllegalArgumentException if a control or model parameter is missing. */
    public static EngagementModel fromSimulation(JsonNode simulationFile) {
        return new EngagementModel(simulationFile);
    }

    /** The settings the learner starts from (the file's control defaults). */
    public SimulationControls defaults() {
        return defaults;
    }

    /** Parses and validates settings sent by the player. */
    public SimulationControls controls(JsonNode json) {
        SimulationControls controls = SimulationControls.fromJson(json);
        validate(controls);
        return controls;
    }

    /** Checks the settings against the bounds and option ids of the simulation file. */
    public void validate(SimulationControls c) {
        if (c.postsPerWeek() < minPosts || c.postsPerWeek() > maxPosts) {
            throw new IllegalArgumentException("postsPerWeek debe estar entre " + minPosts + " y " + maxPosts
                    + " (recibido: " + c.postsPerWeek() + ").");
        }
        checkSelection("timeSlots", c.timeSlots(), slots.keySet(), minSlots);
        checkSelection("channels", c.channels(), channels.keySet(), minChannels);
        if (!responseIds.contains(c.responseTime())) {
            throw new IllegalArgumentException("responseTime desconocido: " + c.responseTime()
                    + " (opciones: " + responseIds + ").");
        }
        if (!c.contentMix().keySet().equals(content.keySet())) {
            throw new IllegalArgumentException("contentMix debe tener exactamente los tipos " + content.keySet()
                    + " (recibido: " + c.contentMix().keySet() + ").");
        }
        int sum = 0;
        for (Map.Entry<String, Integer> e : c.contentMix().entrySet()) {
            int v = e.getValue();
            if (v < 0 || v > mixTotal || v % mixStep != 0) {
                throw new IllegalArgumentException("contentMix." + e.getKey() + " debe ser un múltiplo de " + mixStep
                        + " entre 0 y " + mixTotal + " (recibido: " + v + ").");
            }
            sum += v;
        }
        if (sum != mixTotal) {
            throw new IllegalArgumentException("Los porcentajes de contentMix deben sumar " + mixTotal
                    + " (suman " + sum + ").");
        }
    }

    /** Runs the simulated weeks for valid settings (validated here again). */
    public SimulationOutcome run(SimulationControls c) {
        validate(c);
        double n = c.postsPerWeek();

        // Content mix: a type only works up to its useful share; beyond it, more of the same interests as little
        // as any repetitive post (excessInteractionRate). This is why no single content type wins alone.
        double reachMix = 0;
        double interactionMix = 0;
        double questionMix = 0;
        double questionReduction = 0;
        for (Map.Entry<String, Content> e : content.entrySet()) {
            Content t = e.getValue();
            double share = c.contentMix().get(e.getKey()) / (double) mixTotal;
            double useful = Math.min(share, t.usefulShare());
            reachMix += share * t.reachMultiplier();
            interactionMix += useful * t.interactionRate() + (share - useful) * excessInteractionRate;
            questionMix += share * t.questionRate();
            questionReduction += useful * t.questionReduction();
        }
        double baseQuestionFactor = Math.max(0, 1 - questionReduction);

        // Posts are spread evenly over the chosen slots, so their reach multipliers are averaged.
        double slotReach = c.timeSlots().stream().mapToDouble(id -> slots.get(id).reachMultiplier()).average().orElse(1);
        boolean outOfHours = c.timeSlots().stream().anyMatch(id -> slots.get(id).outOfHours());

        // Saturation: each extra post reaches fewer people (the feed shows less of an account that posts a lot).
        double saturation = 1 / (1 + n / saturationHalfPosts);
        // Fatigue: above the comfort frequency, followers interact less and some stop following.
        double extraPosts = Math.max(0, n - comfortPosts);
        double fatigue = 1 / (1 + extraPosts / fatigueScale);

        // Team time: what is not spent producing posts and watching the channels is left for answering.
        Response response = responses.get(c.responseTime());
        long conversational = c.channels().stream().filter(id -> channels.get(id).conversational()).count();
        double production = n * (hoursPerPost + hoursPerExtraChannelPerPost * (c.channels().size() - 1));
        double monitoring = response.monitoringHoursPerChannel() * conversational
                + (outOfHours && conversational > 0 ? response.outOfHoursHours() : 0);
        double answerCapacity = Math.max(0, teamHoursPerWeek - production - monitoring) / hoursPerAnswer;

        Map<String, Double> audience = new LinkedHashMap<>();
        c.channels().forEach(id -> audience.put(id, channels.get(id).audience()));
        double trust = trustInitial;
        double backlog = 0;
        List<WeekResult> results = new ArrayList<>();
        for (int week = 1; week <= weeks; week++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + week);
            double reachNoise = 1 + noiseAmplitude * (2 * random.nextDouble() - 1);
            double interactionNoise = 1 + noiseAmplitude * (2 * random.nextDouble() - 1);
            // Citizens who were ignored interact less; those who get answers come back (trust).
            double trustFactor = trustBase + trustWeight * trust;

            double reach = 0;
            double interactions = 0;
            double questions = backlog * backlogCarry; // part of last week's unanswered citizens ask again
            double followers = 0;
            for (String id : c.channels()) {
                Channel ch = channels.get(id);
                followers += audience.get(id);
                double channelReach = n * audience.get(id) * ch.reachRate() * slotReach * reachMix * saturation
                        * reachNoise;
                reach += channelReach;
                interactions += channelReach * interactionMix * ch.interactionFactor() * fatigue * trustFactor
                        * interactionNoise;
                if (ch.conversational()) {
                    questions += ch.baseQuestions() * baseQuestionFactor + channelReach * questionMix;
                }
            }
            double engagementRate = reach > 0 ? interactions / reach * 100 : 0;
            double answered = Math.min(questions * response.inTimeShare(), answerCapacity);
            double unanswered = questions - answered;
            results.add(new WeekResult(week, Math.round(followers), Math.round(reach), Math.round(interactions),
                    Math.round(engagementRate * 100) / 100.0, (int) Math.round(questions), (int) Math.round(unanswered)));

            double answeredShare = questions > 0 ? answered / questions : 1;
            trust += trustLearningRate * (answeredShare - trust);
            double growth = growthPerEngagementPoint * engagementRate - unfollowPerExtraPost * extraPosts;
            audience.replaceAll((id, a) -> a * (1 + growth));
            backlog = unanswered;
        }

        WeekResult w = results.get(targetWeek - 1);
        List<SimulationOutcome.TargetPart> parts = List.of(
                new SimulationOutcome.TargetPart("engagementRate", minEngagementRate, w.engagementRate(),
                        w.engagementRate() >= minEngagementRate),
                new SimulationOutcome.TargetPart("unanswered", maxUnanswered, w.unanswered(),
                        w.unanswered() <= maxUnanswered),
                new SimulationOutcome.TargetPart("reach", minReach, w.reach(), w.reach() >= minReach));
        return new SimulationOutcome(results, parts, parts.stream().allMatch(SimulationOutcome.TargetPart::met));
    }

    private static void checkSelection(String field, List<String> chosen, Set<String> known, int min) {
        if (chosen.size() < min) {
            throw new IllegalArgumentException(field + ": elige al menos " + min + " opción(es).");
        }
        Set<String> seen = new HashSet<>();
        for (String id : chosen) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException(field + ": opción desconocida " + id + " (opciones: " + known + ").");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException(field + ": la opción " + id + " está repetida.");
            }
        }
    }

    /** The parameters of one option, e.g. model.channels.x; every option of a control must have them. */
    private static JsonNode parameters(JsonNode model, String group, String optionId) {
        JsonNode parameters = required(model, group).get(optionId);
        if (parameters == null || !parameters.isObject()) {
            throw new IllegalArgumentException("simulation: model." + group + " has no parameters for option "
                    + optionId);
        }
        return parameters;
    }

    /** Names the place of a missing or malformed parameter in the error message. */
    private static <T> T within(String where, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (in " + where + ")", e);
        }
    }

    private static JsonNode control(Map<String, JsonNode> controls, String id) {
        JsonNode control = controls.get(id);
        if (control == null) {
            throw new IllegalArgumentException("simulation: missing control " + id);
        }
        return control;
    }

    private static Set<String> optionIds(JsonNode control, String field) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode option : required(control, field)) {
            ids.add(required(option, "id").asText());
        }
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("simulation: missing field " + field);
        }
        return value;
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("simulation: field " + field + " must be a number");
        }
        return value.doubleValue();
    }

    private static double positive(JsonNode node, String field) {
        double value = number(node, field);
        if (value <= 0) {
            throw new IllegalArgumentException("simulation: field " + field + " must be positive");
        }
        return value;
    }
}
