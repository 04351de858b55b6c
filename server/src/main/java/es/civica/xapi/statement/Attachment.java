package es.civica.xapi.statement;

/** An attachment's raw content, identified by the SHA-256 of its bytes as the statement declares it. */
public record Attachment(String sha2, String contentType, byte[] contents) {
}
