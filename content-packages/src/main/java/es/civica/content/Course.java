package es.civica.content;

import java.util.List;
import java.util.Optional;

/**
 * The whole course as loaded from the content package (FORMAT.md, course.json), with its units in course order
 * and the player's UI strings.
 *
 * @param id               activity IRI of the course
 * @param title            course title (Spanish)
 * @param summary          Markdown summary
 * @param language         language of the learner-facing texts ("es")
 * @param certificateHours hours printed on the certificate
 * @param units            the units, in the order of course.json
 * @param messages         UI strings of the player, per language
 * @param gamification     the gamification rules ({@code gamification/rules.json}); null when the package has none
 */
public record Course(String id, String title, String summary, String language, int certificateHours,
                     List<Unit> units, Messages messages, GamificationRules gamification) {

    public Course {
        units = List.copyOf(units);
    }

    /** The gamification rules, when the package has them. */
    public Optional<GamificationRules> gamificationRules() {
        return Optional.ofNullable(gamification);
    }

    /** The unit with this number (1-based, as in unit.json). */
    public Optional<Unit> unit(int number) {
        return units.stream().filter(u -> u.number() == number).findFirst();
    }

    /** The unit with this activity IRI. */
    public Optional<Unit> unitById(String iri) {
        return units.stream().filter(u -> u.id().equals(iri)).findFirst();
    }
}
