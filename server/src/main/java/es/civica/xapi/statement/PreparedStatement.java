package es.civica.xapi.statement;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A validated statement ready to store: the payload as the LRS will return it, plus the indexed columns.
 *
 * @param submitted the statement as the client sent it (normalised), to tell an equal re-send from a conflict
 */
public record PreparedStatement(
    UUID id,
    JsonObject payload,
    JsonObject submitted,
    UUID registration,
    String verbIri,
    UUID voidsStatementId,
    OffsetDateTime stored,
    OffsetDateTime timestamp,
    Long credentialId,
    StatementIndexEntries index) {
}
