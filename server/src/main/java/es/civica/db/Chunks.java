package es.civica.db;

import java.util.ArrayList;
import java.util.List;

/** A list cut into consecutive pieces of at most a given size: the batches of rows, keys or learners per query. */
public final class Chunks {
  private Chunks() {
  }

  /** Views of {@code list} (not copies), in order, each at most {@code size} long; none for an empty list. */
  public static <T> List<List<T>> of(List<T> list, int size) {
    List<List<T>> chunks = new ArrayList<>((list.size() + size - 1) / size);
    for (int from = 0; from < list.size(); from += size) {
      chunks.add(list.subList(from, Math.min(list.size(), from + size)));
    }
    return chunks;
  }
}
