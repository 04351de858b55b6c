package es.civica.content;

/**
 * One problem found in the content: the file (relative to the content root, with forward slashes), the JSON path
 * inside it ({@code $.items[3].options[1]}, or {@code $} for the whole file) and what is wrong.
 */
public record Defect(String file, String path, String message) {

    @Override
    public String toString() {
        return file + " " + path + ": " + message;
    }
}
