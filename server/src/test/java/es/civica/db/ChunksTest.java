package es.civica.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;

class ChunksTest {

  @Test
  void cutsInOrderWithAShorterLastPiece() {
    assertEquals(List.of(List.of(1, 2), List.of(3, 4), List.of(5)), Chunks.of(List.of(1, 2, 3, 4, 5), 2));
    assertEquals(List.of(List.of(1, 2)), Chunks.of(List.of(1, 2), 2));
  }

  @Test
  void anEmptyListHasNoPiece() {
    assertEquals(List.of(), Chunks.of(List.of(), 100));
  }
}
