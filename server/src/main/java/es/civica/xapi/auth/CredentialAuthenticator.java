package es.civica.xapi.auth;

import es.civica.db.DatabaseWorker;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks HTTP Basic credentials. The stored hash is a slow KDF, so a successful check is remembered for a while
 * (by a fast digest of the presented secret): content posting many statements is not slowed to a crawl. A
 * credential revoked through this instance stops at once ({@link #forget}); through another instance, within
 * {@link #CACHE_MILLIS}. Concurrent requests with the same unverified secret share one check (no stampede when
 * the cache entry expires), and the KDF runs on a worker thread without holding a database connection.
 */
public final class CredentialAuthenticator {
  static final long CACHE_MILLIS = 60_000;

  private record Verified(Credential credential, byte[] secretDigest, long until) {
  }

  private final DatabaseWorker db;
  private final CredentialStore store;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Future<Optional<Credential>>> inFlight = new ConcurrentHashMap<>();
  private final Vertx vertx;

  public CredentialAuthenticator(Vertx vertx, DatabaseWorker db, CredentialStore store) {
    this.vertx = vertx;
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
    String flightKey = key + ":" + HexFormat.of().formatHex(digest);
    // One check per key and secret at a time. Not computeIfAbsent: the check may complete before its completion
    // handler is attached, which then runs inside the map's update and must not remove from the map there.
    Promise<Optional<Credential>> mine = Promise.promise();
    Future<Optional<Credential>> running = inFlight.putIfAbsent(flightKey, mine.future());
    if (running != null) {
      return running;
    }
    check(key, secret, digest).onComplete(result -> {
      inFlight.remove(flightKey, mine.future());
      mine.handle(result);
    });
    return mine.future();
  }

  private Future<Optional<Credential>> check(String key, String secret, byte[] digest) {
    return db.query(dsl -> store.findByKey(dsl, key))
        .compose(found -> vertx.executeBlocking(() -> found
            .filter(s -> s.credential().active() && SecretHasher.matches(secret, s.secretHash()))
            .map(CredentialStore.Stored::credential), false))
        .onSuccess(ok -> ok.ifPresent(c ->
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
