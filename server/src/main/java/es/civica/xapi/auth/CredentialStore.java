package es.civica.xapi.auth;

import static es.civica.db.generated.Tables.LRS_CREDENTIAL;

import es.civica.db.generated.tables.records.LrsCredentialRecord;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** LRS credentials in PostgreSQL. Blocking: call through the DatabaseWorker. */
public final class CredentialStore {

  /** A credential just created, with the secret shown once. */
  public record Issued(Credential credential, String secret) {
  }

  /** Stored credential with the hash of its secret, for authentication only. */
  record Stored(Credential credential, String secretHash) {
  }

  public Issued create(DSLContext dsl, String label, Set<Scope> scopes) {
    String key = SecretHasher.randomToken(15);
    String secret = SecretHasher.randomToken(24);
    return create(dsl, label, scopes, key, secret);
  }

  /** Creates a credential with a chosen key and secret (used for the configured bootstrap credential). */
  public Issued create(DSLContext dsl, String label, Set<Scope> scopes, String key, String secret) {
    LrsCredentialRecord row = dsl.insertInto(LRS_CREDENTIAL)
        .set(LRS_CREDENTIAL.API_KEY, key)
        .set(LRS_CREDENTIAL.SECRET_HASH, SecretHasher.hash(secret))
        .set(LRS_CREDENTIAL.SCOPES, scopes.stream().map(Scope::text).toArray(String[]::new))
        .set(LRS_CREDENTIAL.LABEL, label)
        .set(LRS_CREDENTIAL.CREATED, OffsetDateTime.now(ZoneOffset.UTC))
        .returning()
        .fetchOne();
    return new Issued(toCredential(row), secret);
  }

  public List<Credential> list(DSLContext dsl) {
    return dsl.selectFrom(LRS_CREDENTIAL).orderBy(LRS_CREDENTIAL.ID).fetch(CredentialStore::toCredential);
  }

  public Optional<Credential> find(DSLContext dsl, long id) {
    return dsl.selectFrom(LRS_CREDENTIAL).where(LRS_CREDENTIAL.ID.eq(id)).fetchOptional(CredentialStore::toCredential);
  }

  Optional<Stored> findByKey(DSLContext dsl, String key) {
    return dsl.selectFrom(LRS_CREDENTIAL).where(LRS_CREDENTIAL.API_KEY.eq(key))
        .fetchOptional(r -> new Stored(toCredential(r), r.getSecretHash()));
  }

  /** Revokes a credential; true when it existed and was active. */
  public boolean revoke(DSLContext dsl, long id) {
    return dsl.update(LRS_CREDENTIAL)
        .set(LRS_CREDENTIAL.REVOKED_AT, OffsetDateTime.now(ZoneOffset.UTC))
        .where(LRS_CREDENTIAL.ID.eq(id).and(LRS_CREDENTIAL.REVOKED_AT.isNull()))
        .execute() == 1;
  }

  public boolean keyExists(DSLContext dsl, String key) {
    return dsl.fetchExists(LRS_CREDENTIAL, LRS_CREDENTIAL.API_KEY.eq(key));
  }

  private static Credential toCredential(LrsCredentialRecord r) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    Arrays.stream(r.getScopes()).map(Scope::parse).flatMap(Optional::stream).forEach(scopes::add);
    return new Credential(r.getId(), r.getApiKey(), scopes, r.getLabel(), r.getCreated(), r.getRevokedAt());
  }
}
