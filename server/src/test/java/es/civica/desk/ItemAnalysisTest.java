package es.civica.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class ItemAnalysisTest {

  /**
   * Six attempts, four items (1 = right):
   * <pre>
   *        A  B  C  D   score
   *   a1   1  1  0  1   3/4
   *   a2   1  1  0  1   3/4
   *   a3   1  0  1  1   3/4
   *   a4   0  1  1  0   2/4
   *   a5   0  0  1  0   1/4
   *   a6   0  0  1  0   1/4
   * </pre>
   * Item A by hand: rest scores (other three items) a1..a4 = 2/3, a5, a6 = 1/3. p = 3/6 = 1/2.
   * M1 = mean rest of a1, a2, a3 = 2/3; M0 = mean rest of a4, a5, a6 = (2/3 + 1/3 + 1/3) / 3 = 4/9.
   * Mean rest = 5/9; s² = (4·(1/9)² + 2·(2/9)²) / 6 = 2/81, s = √2/9.
   * r = (2/3 − 4/9) / (√2/9) · √(1/2 · 1/2) = (2/9)·(9/√2)·(1/2) = 1/√2 ≈ 0.7071.
   * Upper-lower: 27 % of 6 → 2 attempts; upper a1, a2 (both right), lower a5, a6 (both wrong): D = 1.
   * Item B: M1 = (2/3 + 2/3 + 1/3) / 3 = 5/9 = M0 = (1 + 1/3 + 1/3) / 3 → r = 0: dubious.
   * Item C: right mostly by the weakest: r = (1/4 − 1) / s · √(2/3 · 1/3) ≈ −0.8429, D = −1: dubious.
   * Mean score = (3·3/4 + 2/4 + 2·1/4) / 6 = 13/24; population sd ≈ 0.2244.
   */
  @Test
  @DisplayName("item analysis matches the hand-computed example: facility, point-biserial, upper-lower, dubious, choices")
  void handComputedExample() {
    int[][] grid = {{1, 1, 0, 1}, {1, 1, 0, 1}, {1, 0, 1, 1}, {0, 1, 1, 0}, {0, 0, 1, 0}, {0, 0, 1, 0}};
    String[] items = {"A", "B", "C", "D"};
    List<ItemAnalysis.Answer> answers = new ArrayList<>();
    for (int a = 0; a < grid.length; a++) {
      for (int i = 0; i < items.length; i++) {
        boolean right = grid[a][i] == 1;
        answers.add(new ItemAnalysis.Answer("a" + (a + 1), items[i], right, List.of(right ? "ok" : "x")));
      }
    }
    ItemAnalysis.QuizStats q = ItemAnalysis.analyse(answers);
    assertEquals(6, q.attempts());
    assertEquals(13.0 / 24, q.meanScore(), 1e-9);
    assertEquals(0.2244, q.sdScore(), 1e-4);
    assertEquals(2, q.dubiousItems());

    ItemAnalysis.ItemStats a = q.items().get(0);
    assertEquals("A", a.item());
    assertEquals(6, a.attempts());
    assertEquals(0.5, a.facility(), 1e-9);
    assertEquals(1 / Math.sqrt(2), a.discrimination(), 1e-9);
    assertEquals(1.0, a.upperLower(), 1e-9);
    assertEquals(Map.of("ok", 3, "x", 3), a.choices());
    assertFalse(a.dubious());

    ItemAnalysis.ItemStats b = q.items().get(1);
    assertEquals(0.0, b.discrimination(), 1e-9);
    assertTrue(b.dubious());

    ItemAnalysis.ItemStats c = q.items().get(2);
    assertEquals(4.0 / 6, c.facility(), 1e-9);
    assertEquals(-0.8429272304, c.discrimination(), 1e-9);
    assertEquals(-1.0, c.upperLower(), 1e-9);
    assertTrue(c.dubious());
  }

  @Test
  @DisplayName("an item everyone gets right has no discrimination and is not flagged; few attempts are not flagged")
  void undefinedCases() {
    List<ItemAnalysis.Answer> answers = new ArrayList<>();
    for (int a = 0; a < 6; a++) {
      answers.add(new ItemAnalysis.Answer("a" + a, "easy", true, List.of()));
      answers.add(new ItemAnalysis.Answer("a" + a, "other", a % 2 == 0, List.of()));
    }
    ItemAnalysis.ItemStats easy = ItemAnalysis.analyse(answers).items().get(0);
    assertEquals(1.0, easy.facility());
    assertNull(easy.discrimination());
    assertFalse(easy.dubious());
    ItemAnalysis.QuizStats few = ItemAnalysis.analyse(answers.subList(0, 6));
    assertTrue(few.items().stream().noneMatch(ItemAnalysis.ItemStats::dubious));
  }
}
