package es.civica.content;

import java.util.List;

/**
 * A lesson section.
 *
 * @param id         local id, e.g. {@code u4-l2-s3}; scenario endings cite it as {@code lessonRef}
 * @param title      section title
 * @param body       Markdown text
 * @param objectives objective ids the section serves
 * @param source     seed passage it rests on
 */
public record Section(String id, String title, String body, List<String> objectives, Source source) {
    public Section {
        objectives = List.copyOf(objectives);
    }
}
