package es.civica.gamification;

import io.vertx.core.json.JsonObject;

import java.util.Arrays;

/**
 * Projection lag samples: milliseconds from a statement's {@code stored} time to the commit of the projection that
 * includes it. Keeps the last {@value #CAPACITY} samples; read by the admin API and {@code scripts/bench-gamification}.
 */
public final class LagRecorder {
  static final int CAPACITY = 200_000;
  private final long[] samples = new long[CAPACITY];
  private long count;

  public synchronized void record(long millis) {
    samples[(int) (count % CAPACITY)] = Math.max(0, millis);
    count++;
  }

  public synchronized void reset() {
    count = 0;
  }

  /** {@code {"samples", "p50", "p90", "p99", "max"}} in milliseconds over the samples kept. */
  public synchronized JsonObject summary() {
    int n = (int) Math.min(count, CAPACITY);
    long[] sorted = Arrays.copyOf(samples, n);
    Arrays.sort(sorted);
    JsonObject out = new JsonObject().put("samples", count);
    if (n == 0) {
      return out;
    }
    return out.put("p50", at(sorted, 0.50)).put("p90", at(sorted, 0.90)).put("p99", at(sorted, 0.99))
        .put("max", sorted[n - 1]);
  }

  private static long at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }
}
