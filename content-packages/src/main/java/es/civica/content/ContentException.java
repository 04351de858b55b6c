package es.civica.content;

/** The content could not be read at all (I/O failure, missing classpath resources). */
public class ContentException extends RuntimeException {
    public ContentException(String message) {
        super(message);
    }

    public ContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
