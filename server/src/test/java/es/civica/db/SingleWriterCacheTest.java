package es.civica.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

class SingleWriterCacheTest {

  @Test
  void keepsWhatWasReadWhenNothingChanged() {
    SingleWriterCache<String, String> cache = new SingleWriterCache<>(10);
    long ticket = cache.ticket();
    cache.put(ticket, "a", "read");
    assertEquals(Optional.of("read"), cache.get("a"));
  }

  @Test
  void aReadingThatOverlappedAChangeIsNotKept() {
    SingleWriterCache<String, String> cache = new SingleWriterCache<>(10);
    long ticket = cache.ticket();          // a reader starts
    cache.changed(List.of("b"));          // a writer starts changing another key
    cache.put(ticket, "a", "maybe old");  // the reader's result may predate the change: not kept
    assertTrue(cache.get("a").isEmpty());
  }

  @Test
  void aChangeDropsItsKeys() {
    SingleWriterCache<String, String> cache = new SingleWriterCache<>(10);
    cache.put(cache.ticket(), "a", "read");
    cache.put(cache.ticket(), "b", "read");
    cache.changed(List.of("a"));
    assertTrue(cache.get("a").isEmpty());
    assertEquals(Optional.of("read"), cache.get("b"));
  }

  @Test
  void dropsTheLeastRecentlyUsedBeyondItsSize() {
    SingleWriterCache<Integer, Integer> cache = new SingleWriterCache<>(2);
    cache.put(cache.ticket(), 1, 1);
    cache.put(cache.ticket(), 2, 2);
    cache.get(1);
    cache.put(cache.ticket(), 3, 3);
    assertTrue(cache.get(2).isEmpty());
    assertEquals(Optional.of(1), cache.get(1));
  }
}
