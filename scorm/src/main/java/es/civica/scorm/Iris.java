package es.civica.scorm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** Checks and small derivations on IRIs and identifiers. */
final class Iris {

    private Iris() {
    }

    static void requireAbsolute(String iri, String what) {
        Objects.requireNonNull(iri, what);
        try {
            URI uri = new URI(iri);
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException(what + " must be an absolute IRI: " + iri);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not an IRI: " + iri, e);
        }
    }

    /** The last path segment of an IRI, reduced to {@code [a-z0-9-]}: {@code .../course/redes-sociales-ap}. */
    static String slug(String iri) {
        String path = URI.create(iri).getPath();
        String last = path == null ? "" : path.replaceAll("/+$", "");
        last = last.substring(last.lastIndexOf('/') + 1);
        String slug = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "course" : slug;
    }
}
