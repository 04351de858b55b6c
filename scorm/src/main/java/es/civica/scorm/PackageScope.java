package es.civica.scorm;

import java.util.List;
import java.util.Objects;

/**
 * What one package holds: the whole course (every unit as its own SCO or AU) or a single unit.
 *
 * @param course the course the units belong to
 * @param units  the units in the package, in course order
 * @param whole  true for the whole-course package
 */
public record PackageScope(CoursePackageInfo course, List<UnitPackageInfo> units, boolean whole) {

    public PackageScope {
        Objects.requireNonNull(course, "course");
        units = List.copyOf(units);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a package needs at least one unit");
        }
    }

    /** The whole course: one SCO (SCORM) or AU (cmi5) per unit. */
    public static PackageScope course(CoursePackageInfo course) {
        return new PackageScope(course, course.units(), true);
    }

    /** One unit of the course, packaged on its own. */
    public static PackageScope unit(CoursePackageInfo course, int number) {
        return new PackageScope(course, List.of(course.unit(number)), false);
    }

    /** The package's title: the course title, or the unit title. */
    public String title() {
        return whole ? course.title() : units.get(0).title();
    }

    /** The package's description: the course description, or the unit description. */
    public String description() {
        return whole ? course.description() : units.get(0).description();
    }

    /** {@code course} or {@code unit}, the {@code scope} launch parameter. */
    public String kind() {
        return whole ? "course" : "unit";
    }

    /**
     * A stable name for files and identifiers: {@code redes-sociales-ap} for the course,
     * {@code redes-sociales-ap-unit-3} for a unit.
     */
    public String baseName() {
        String slug = Iris.slug(course.courseIri());
        return whole ? slug : slug + "-unit-" + units.get(0).number();
    }

    /** Short form for logs and test names: {@code PackageScope[redes-sociales-ap-unit-3]}. */
    @Override
    public String toString() {
        return "PackageScope[" + baseName() + "]";
    }

    /**
     * The cmi5 course id: the course IRI for the whole course; for a single unit {@code <unit IRI>/package}, so
     * that it differs from the AU id (the unit IRI) and from the whole-course package.
     */
    public String cmi5CourseId() {
        return whole ? course.courseIri() : units.get(0).iri() + "/package";
    }
}
