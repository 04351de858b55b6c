package es.civica.certification;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client (IP address): {@code burst} requests at once, refilled at {@code perMinute} a
 * minute. {@link #tryAcquire} answers 0 when the request may go ahead, else the seconds to wait. Buckets that
 * have refilled completely are dropped now and then, so memory stays bounded by the clients of the last minutes.
 * A limit of 0 a minute means no limit.
 */
final class RateLimiter {
  private static final int SWEEP_EVERY = 4096;

  private final double perNano;
  private final double burst;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private int calls;

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }

  RateLimiter(int perMinute, int burst, LongSupplier nanoTime) {
    this.perNano = perMinute / 60e9;
    this.burst = Math.max(1, burst);
    this.nanoTime = nanoTime;
  }

  boolean unlimited() {
    return perNano == 0;
  }

  /** 0 when the client may go ahead (a token is taken), else whole seconds until it may. */
  long tryAcquire(String client) {
    if (unlimited()) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    if (++calls % SWEEP_EVERY == 0) {
      sweep(now);
    }
    Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perNano);
      bucket.updated = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
    }
  }

  private void sweep(long now) {
    buckets.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        return e.getValue().tokens + (now - e.getValue().updated) * perNano >= burst;
      }
    });
  }
}
