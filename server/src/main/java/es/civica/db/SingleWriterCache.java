package es.civica.db;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rows read from the database, kept in memory (least recently used first out) while this server is the database's
 * one writer, i.e. with the embedded database only: every change goes through this server, which tells the cache,
 * so an answer from it is the database's answer.
 *
 * <p>The protocol: a reader takes a {@link #ticket} before reading the database and offers what it read with
 * {@link #put}; a writer calls {@link #changed} when its change starts and again once it is committed. A reading
 * that overlapped a change is then never kept: either its entry is dropped by the second call, or the ticket it
 * presents is older than that call.
 */
public final class SingleWriterCache<K, V> {
  private final Map<K, V> entries;
  /** Bumped by every change. */
  private long changes;

  public SingleWriterCache(int maxEntries) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > maxEntries;
      }
    };
  }

  public synchronized Optional<V> get(K key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** A ticket to present to {@link #put}: the number of changes so far. */
  public synchronized long ticket() {
    return changes;
  }

  /** Keeps a value read from the database, unless something changed since the reading began. */
  public synchronized void put(long ticket, K key, V value) {
    if (ticket == changes) {
      entries.put(key, value);
    }
  }

  /** Forgets what changes: call it when the change starts and again once it is committed. */
  public synchronized void changed(Collection<K> keys) {
    changes++;
    keys.forEach(entries::remove);
  }
}
