package es.civica.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The player's UI strings (FORMAT.md, i18n): language code → key → text. All languages have the same keys.
 * Placeholders are written {@code {name}}.
 */
public record Messages(Map<String, Map<String, String>> byLanguage) {

    public Messages {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byLanguage.forEach((lang, strings) -> copy.put(lang, Collections.unmodifiableMap(new LinkedHashMap<>(strings))));
        byLanguage = Collections.unmodifiableMap(copy);
    }

    public Set<String> languages() {
        return byLanguage.keySet();
    }

    /** All strings of a language (empty if the language is not provided). */
    public Map<String, String> strings(String language) {
        return byLanguage.getOrDefault(language, Map.of());
    }

    public Optional<String> get(String language, String key) {
        return Optional.ofNullable(strings(language).get(key));
    }
}
