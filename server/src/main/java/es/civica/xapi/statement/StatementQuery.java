package es.civica.xapi.statement;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The filters of a GET /statements query, validated. Null means "no filter".
 *
 * @param afterPk     paging cursor: storage id of the last statement of the previous page
 * @param snapshotPk  highest storage id when the first page was served, so later pages are stable while new
 *                    statements arrive
 * @param onlyCredentialId set for "statements/read/mine": only statements stored with that credential
 */
public record StatementQuery(
    String agentIfi,
    String verbIri,
    String activityIri,
    UUID registration,
    boolean relatedActivities,
    boolean relatedAgents,
    OffsetDateTime since,
    OffsetDateTime until,
    int limit,
    boolean ascending,
    Long afterPk,
    Long snapshotPk,
    Long onlyCredentialId) {

  public StatementQuery page(long afterPk, long snapshotPk) {
    return new StatementQuery(agentIfi, verbIri, activityIri, registration, relatedActivities, relatedAgents, since,
        until, limit, ascending, afterPk, snapshotPk, onlyCredentialId);
  }

  /** The same query limited to one credential's statements (the token of `more` is client-held: re-apply it). */
  public StatementQuery onlyFor(Long credentialId) {
    return new StatementQuery(agentIfi, verbIri, activityIri, registration, relatedActivities, relatedAgents, since,
        until, limit, ascending, afterPk, snapshotPk, credentialId);
  }
}
