package es.civica.content.simulation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learner's settings for the engagement simulation, as sent by the player:
 * <pre>{ "postsPerWeek": 7, "timeSlots": ["midday", "evening"],
 *   "contentMix": { "serviceInfo": 50, "citizenAnswers": 25, "participation": 20, "propaganda": 5 },
 *   "responseTime": "4h", "channels": ["x", "facebook"] }</pre>
 * {@link #fromJson} checks only the shape; bounds and option ids are checked against the simulation file by
 * {@link EngagementModel#validate}, because they live in the content, not in code.
 */
public record SimulationControls(int postsPerWeek, List<String> timeSlots, Map<String, Integer> contentMix,
                                 String responseTime, List<String> channels) {

    public SimulationControls {
        timeSlots = List.copyOf(timeSlots);
        contentMix = Collections.unmodifiableMap(new LinkedHashMap<>(contentMix));
        channels = List.copyOf(channels);
    }

    public static SimulationControls fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("Los controles deben ser un objeto JSON.");
        }
        JsonNode posts = json.get("postsPerWeek");
        if (posts == null || !posts.canConvertToInt() || !posts.isIntegralNumber()) {
            throw new IllegalArgumentException("postsPerWeek debe ser un número entero.");
        }
        JsonNode mix = json.get("contentMix");
        if (mix == null || !mix.isObject()) {
            throw new IllegalArgumentException("contentMix debe ser un objeto con un porcentaje por tipo de contenido.");
        }
        Map<String, Integer> contentMix = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = mix.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToInt()) {
                throw new IllegalArgumentException("contentMix." + e.getKey() + " debe ser un porcentaje entero.");
            }
            contentMix.put(e.getKey(), e.getValue().intValue());
        }
        JsonNode response = json.get("responseTime");
        if (response == null || !response.isTextual()) {
            throw new IllegalArgumentException("responseTime debe ser el id de una opción (texto).");
        }
        return new SimulationControls(posts.intValue(), stringList(json, "timeSlots"), contentMix,
                response.textValue(), stringList(json, "channels"));
    }

    private static List<String> stringList(JsonNode json, String field) {
        JsonNode array = json.get(field);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(field + " debe ser una lista de ids de opciones.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode v : array) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException(field + " solo admite ids de opciones (texto).");
            }
            values.add(v.textValue());
        }
        return values;
    }
}
