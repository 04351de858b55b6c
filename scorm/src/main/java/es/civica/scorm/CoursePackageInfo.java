package es.civica.scorm;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the packages need to know about a course: the server maps its content model into this.
 *
 * @param courseIri   the course's xAPI activity IRI; the cmi5 course id of the whole-course package
 * @param title       learner-facing title (at most 200 characters)
 * @param description learner-facing summary
 * @param language    BCP 47 tag of the texts ({@code es}); the {@code lang} of titles and launcher pages
 * @param units       the units, in course order, numbered 1..n without gaps
 */
public record CoursePackageInfo(String courseIri, String title, String description, String language,
                                List<UnitPackageInfo> units) {

    public CoursePackageInfo {
        Iris.requireAbsolute(courseIri, "courseIri");
        title = Texts.requireTitle(title, "course title");
        description = Objects.requireNonNullElse(description, "").strip();
        language = Objects.requireNonNullElse(language, "").isBlank() ? "es" : language.strip();
        if (!language.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
            throw new IllegalArgumentException("language is not a BCP 47 tag: " + language);
        }
        units = List.copyOf(Objects.requireNonNull(units, "units"));
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a course needs at least one unit");
        }
        Set<String> iris = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            UnitPackageInfo unit = units.get(i);
            if (unit.number() != i + 1) {
                throw new IllegalArgumentException("units must be numbered 1..n in order; position " + (i + 1)
                        + " holds unit " + unit.number());
            }
            if (!iris.add(unit.iri()) || unit.iri().equals(courseIri)) {
                throw new IllegalArgumentException("unit iri is not unique: " + unit.iri());
            }
        }
    }

    /** The unit with this number. */
    public UnitPackageInfo unit(int number) {
        if (number < 1 || number > units.size()) {
            throw new IllegalArgumentException("no unit " + number + " in " + courseIri);
        }
        return units.get(number - 1);
    }
}
