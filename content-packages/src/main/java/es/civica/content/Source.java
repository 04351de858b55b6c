package es.civica.content;

/**
 * The seed passage a text rests on (FORMAT.md, source).
 *
 * @param seed    file name in shared/seeds
 * @param passage short verbatim quote or locator
 */
public record Source(String seed, String passage) {}
