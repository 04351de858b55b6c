package es.civica.content;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the course, validated, from a folder or from the classpath. This module's jar carries the course under
 * {@code content/} ({@code content/course.json}, {@code content/units/…}, {@code content/i18n/…},
 * {@code content/schema/…}).
 *
 * <pre>{@code
 * Course course = ContentLoader.fromClasspath();                         // the course shipped in the jar
 * Course other = ContentLoader.load(Path.of("content-packages"));         // a folder, e.g. while authoring
 * }</pre>
 *
 * Both throw {@link InvalidContentException} listing every defect when the content does not validate.
 */
public final class ContentLoader {

    /** Classpath folder holding the course. */
    public static final String CLASSPATH_ROOT = "content";

    private ContentLoader() {}

    /** Loads and validates the course in {@code root} with {@link Minimums#ISSUE_3}. */
    public static Course load(Path root) {
        return load(root, new ContentValidator());
    }

    /** Loads the course in {@code root}, validated by {@code validator}. */
    public static Course load(Path root, ContentValidator validator) {
        ValidationReport report = validator.validate(root);
        if (!report.isValid()) {
            throw new InvalidContentException(report.defects());
        }
        return report.course().orElseThrow();
    }

    /** Loads and validates the course shipped on the classpath under {@code content/}. */
    public static Course fromClasspath() {
        return fromClasspath(ContentLoader.class.getClassLoader(), new ContentValidator());
    }

    /** Loads the course found under {@code content/} by {@code loader}, validated by {@code validator}. */
    public static Course fromClasspath(ClassLoader loader, ContentValidator validator) {
        URL course = loader.getResource(CLASSPATH_ROOT + "/" + RawContent.COURSE_FILE);
        if (course == null) {
            throw new ContentException("no " + CLASSPATH_ROOT + "/" + RawContent.COURSE_FILE + " on the classpath");
        }
        URI uri;
        try {
            uri = course.toURI();
        } catch (URISyntaxException e) {
            throw new ContentException("bad classpath URL " + course, e);
        }
        if (uri.getScheme().equals("file")) {
            return load(Path.of(uri).getParent(), validator);
        }
        if (!uri.getScheme().equals("jar")) {
            throw new ContentException("cannot read content from " + uri);
        }
        String spec = uri.toString();
        URI jar = URI.create(spec.substring(0, spec.indexOf("!/") + 2));
        String inside = spec.substring(spec.indexOf("!/") + 1);
        FileSystem opened = null;
        try {
            FileSystem fs;
            try {
                fs = opened = FileSystems.newFileSystem(jar, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(jar);
            }
            return load(fs.getPath(inside).getParent(), validator);
        } catch (IOException e) {
            throw new ContentException("cannot open " + jar, e);
        } finally {
            if (opened != null) {
                try {
                    opened.close();
                } catch (IOException ignored) {
                    // the course is already in memory
                }
            }
        }
    }
}
