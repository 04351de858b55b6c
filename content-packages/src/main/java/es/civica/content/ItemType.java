package es.civica.content;

import java.util.Arrays;

/** Item types of FORMAT.md (items.json) with the xAPI interaction type each maps to. */
public enum ItemType {
    SINGLE_CHOICE("single-choice", "choice"),
    MULTIPLE_RESPONSE("multiple-response", "choice"),
    TRUE_FALSE("true-false", "true-false"),
    MATCHING("matching", "matching"),
    ORDERING("ordering", "sequencing"),
    FILL_IN("fill-in", "fill-in");

    private final String json;
    private final String interactionType;

    ItemType(String json, String interactionType) {
        this.json = json;
        this.interactionType = interactionType;
    }

    /** The name used in items.json, e.g. {@code single-choice}. */
    public String json() {
        return json;
    }

    /** The xAPI {@code interactionType} of this type. */
    public String interactionType() {
        return interactionType;
    }

    public static ItemType fromJson(String name) {
        return Arrays.stream(values()).filter(t -> t.json.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown item type " + name));
    }
}
