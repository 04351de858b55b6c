package es.civica.xapi.document;

import java.time.OffsetDateTime;

/** A stored document of the State, Activity Profile or Agent Profile resource. */
public record Document(String id, String contentType, byte[] contents, String etag, OffsetDateTime updated) {
}
