/**
 * The storage-free part of the LRS: statement rules as pure functions over Vert.x JSON.
 *
 * <ul>
 *   <li>{@link es.civica.xapi.statement.StatementValidator#validate} — every Data rule a single statement can be
 *       checked against, for the request's {@link es.civica.xapi.XapiVersion}; {@code normalize} gives the form to
 *       store.
 *   <li>{@link es.civica.xapi.statement.StatementFormatter} — format=exact / ids / canonical for GET.
 *   <li>{@link es.civica.xapi.statement.SignedStatementVerifier} — signed statements (JWS attachment).
 *   <li>{@link es.civica.xapi.statement.StatementEquivalence} — "same statement?" for an id already stored (equal
 *       duplicate or 409) and for signatures.
 *   <li>{@link es.civica.xapi.statement.Formats} — UUID, IRI, timestamp... checks for query parameters too.
 * </ul>
 *
 * <p>Left to the caller, because they need the request or the store: assigning id, stored, authority (from the
 * credentials) and timestamp (= stored when absent); duplicate ids within a batch; refusing to void a voiding
 * statement; matching multipart parts to attachments by sha2 and checking signature bytes exist; content-type rules.
 */
package es.civica.xapi.statement;
