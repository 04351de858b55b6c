package es.civica.content;

import java.util.List;

/**
 * A lesson: a titled sequence of sections.
 *
 * @param id       local id, e.g. {@code u4-l2}
 * @param iri      activity IRI, {@code <unit IRI>/lesson/<id>}
 * @param title    lesson title
 * @param sections sections in reading order
 */
public record Lesson(String id, String iri, String title, List<Section> sections) {
    public Lesson {
        sections = List.copyOf(sections);
    }
}
