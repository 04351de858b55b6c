package es.civica.xapi.auth;

import es.civica.db.DatabaseWorker;
import io.vertx.core.Future;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks HTTP Basic credentials. The stored hash is a slow KDF, so a successful check is remembered for a short
 * while (by a fast digest of the presented secret): content posting many statements is not slowed to a crawl,
 * and a revoked credential stops working within {@link #CACHE_MILLIS}.
 */
public final class CredentialAuthenticator {
  static final long CACHE_MILLIS = 5_000;

  private record Verified(Credential credential, byte[] secretDigest, long until) {
  }

  private final DatabaseWorker db;
  private final CredentialStore store;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  public CredentialAuthenticator(DatabaseWorker db, CredentialStore store) {
    this.db = db;
    this.store = store;
  }

  /** The active credential named by an Authorization header, or empty when it is missing or wrong. */
  public Future<Optional<Credential>> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Future.succeededFuture(Optional.empty());
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(Optional.empty());
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Future.succeededFuture(Optional.empty());
    }
    String key = decoded.substring(0, colon);
    String secret = decoded.substring(colon + 1);
    byte[] digest = sha256(key + ":" + secret);
    Verified hit = verified.get(key);
    if (hit != null && hit.until > System.currentTimeMillis() && MessageDigest.isEqual(hit.secretDigest, digest)) {
      return Future.succeededFuture(Optional.of(hit.credential));
    }
    return db.query(dsl -> store.findByKey(dsl, key)
        .filter(s -> s.credential().active() && SecretHasher.matches(secret, s.secretHash()))
        .map(CredentialStore.Stored::credential))
        .onSuccess(found -> found.ifPresent(c ->
            verified.put(key, new Verified(c, digest, System.currentTimeMillis() + CACHE_MILLIS))));
  }

  /** Forgets a credential at once (after revocation on this instance). */
  public void forget(String key) {
    verified.remove(key);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
