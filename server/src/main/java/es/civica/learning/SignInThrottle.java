package es.civica.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed sign-ins for one email within {@link #WINDOW}, that
 * email is refused until the oldest failure leaves the window. In memory, per server instance (enough for one
 * instance; a cluster would keep it in the database).
 */
public final class SignInThrottle {
  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 100_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Minutes to wait before this email may try again; 0 when it may try now. */
  public long lockedMinutes(String email) {
    Deque<Instant> f = failures.get(key(email));
    if (f == null) {
      return 0;
    }
    synchronized (f) {
      prune(f);
      if (f.size() < MAX_FAILURES) {
        return 0;
      }
      Duration left = Duration.between(clock.instant(), f.peekFirst().plus(WINDOW));
      return Math.max(1, (left.toSeconds() + 59) / 60);
    }
  }

  public void failed(String email) {
    if (failures.size() > MAX_TRACKED) {
      failures.entrySet().removeIf(e -> {
        synchronized (e.getValue()) {
          prune(e.getValue());
          return e.getValue().isEmpty();
        }
      });
    }
    Deque<Instant> f = failures.computeIfAbsent(key(email), k -> new ArrayDeque<>());
    synchronized (f) {
      prune(f);
      f.addLast(clock.instant());
    }
  }

  public void succeeded(String email) {
    failures.remove(key(email));
  }

  private void prune(Deque<Instant> f) {
    Instant limit = clock.instant().minus(WINDOW);
    while (!f.isEmpty() && f.peekFirst().isBefore(limit)) {
      f.pollFirst();
    }
  }

  private static String key(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
