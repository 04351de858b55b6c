package es.civica.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classical item analysis of quiz answers (pure computation, no I/O).
 *
 * <p>Each quiz attempt draws its own items, so every figure of an item is computed over the attempts that answered
 * that item. An attempt's score is the share of its answered items that were right.
 * <ul>
 *   <li><b>facility</b> p: share of those attempts that got the item right.</li>
 *   <li><b>discrimination</b>: the corrected point-biserial correlation between the item (1/0) and the attempt's
 *     <i>rest score</i> (share right of the attempt's other items, so the item does not correlate with itself):
 *     r = (M1 − M0) / s · √(p·q), M1 / M0 the mean rest score of the attempts that got it right / wrong, s the
 *     population standard deviation of the rest scores. Undefined (null) when everyone or no one got it right, or
 *     the rest scores do not vary.</li>
 *   <li><b>upper-lower index</b> D = p(upper) − p(lower), the upper and lower 27 % of those attempts by rest score
 *     (at least one attempt each; ties broken by attempt key, so the groups are reproducible).</li>
 *   <li><b>dubious</b>: discrimination below {@value #DUBIOUS_BELOW} (negative or near zero) with at least
 *     {@value #MIN_ATTEMPTS} attempts: the item does not separate those who know from those who do not —
 *     check its key and wording.</li>
 * </ul>
 */
public final class ItemAnalysis {
  public static final double DUBIOUS_BELOW = 0.10;
  public static final int MIN_ATTEMPTS = 5;

  /** One answer: which attempt, which item, right or not, and the options chosen (ids; may be empty). */
  public record Answer(String attempt, String item, boolean correct, List<String> choices) {
  }

  /** The figures of one item. */
  public record ItemStats(String item, int attempts, double facility, Double discrimination, Double upperLower,
                          Map<String, Integer> choices, boolean dubious) {
  }

  /** The figures of a quiz: attempts, mean and standard deviation of the attempt score, items. */
  public record QuizStats(int attempts, double meanScore, double sdScore, List<ItemStats> items, int dubiousItems) {
  }

  private ItemAnalysis() {
  }

  public static QuizStats analyse(List<Answer> answers) {
    Map<String, Map<String, Answer>> byAttempt = new TreeMap<>();
    Map<String, List<Answer>> byItem = new TreeMap<>();
    for (Answer a : answers) {
      byAttempt.computeIfAbsent(a.attempt(), k -> new LinkedHashMap<>()).put(a.item(), a);
      byItem.computeIfAbsent(a.item(), k -> new ArrayList<>()).add(a);
    }
    Map<String, int[]> totals = new HashMap<>(); // attempt → {right, answered}
    byAttempt.forEach((attempt, items) -> totals.put(attempt, new int[] {
        (int) items.values().stream().filter(Answer::correct).count(), items.size()}));
    double[] scores = totals.values().stream().mapToDouble(t -> (double) t[0] / t[1]).toArray();
    double mean = mean(scores);

    List<ItemStats> items = new ArrayList<>();
    byItem.forEach((item, list) -> items.add(item(item, byAttempt, totals)));
    return new QuizStats(byAttempt.size(), mean, sd(scores, mean), items,
        (int) items.stream().filter(ItemStats::dubious).count());
  }

  private static ItemStats item(String item, Map<String, Map<String, Answer>> byAttempt, Map<String, int[]> totals) {
    List<String> attempts = byAttempt.entrySet().stream().filter(e -> e.getValue().containsKey(item))
        .map(Map.Entry::getKey).toList();
    int n = attempts.size();
    double[] x = new double[n];     // item 1/0
    double[] rest = new double[n];  // rest score
    Map<String, Integer> choices = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Answer a = byAttempt.get(attempts.get(i)).get(item);
      int[] t = totals.get(attempts.get(i));
      x[i] = a.correct() ? 1 : 0;
      rest[i] = t[1] > 1 ? (t[0] - x[i]) / (t[1] - 1) : 0;
      a.choices().forEach(c -> choices.merge(c, 1, Integer::sum));
    }
    double p = mean(x);
    Double r = pointBiserial(x, rest, p);
    Double d = upperLower(attempts, x, rest);
    boolean dubious = n >= MIN_ATTEMPTS && r != null && r < DUBIOUS_BELOW;
    return new ItemStats(item, n, p, r, d, choices, dubious);
  }

  private static Double pointBiserial(double[] x, double[] rest, double p) {
    double s = sd(rest, mean(rest));
    if (p == 0 || p == 1 || s == 0) {
      return null;
    }
    double m1 = 0;
    double m0 = 0;
    int n1 = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == 1) {
        m1 += rest[i];
        n1++;
      } else {
        m0 += rest[i];
      }
    }
    m1 /= n1;
    m0 /= x.length - n1;
    return (m1 - m0) / s * Math.sqrt(p * (1 - p));
  }

  private static Double upperLower(List<String> attempts, double[] x, double[] rest) {
    int n = attempts.size();
    if (n < 2) {
      return null;
    }
    int g = Math.max(1, (int) Math.round(0.27 * n));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer>comparingDouble(i -> -rest[i]).thenComparing(attempts::get));
    double upper = 0;
    double lower = 0;
    for (int k = 0; k < g; k++) {
      upper += x[order.get(k)];
      lower += x[order.get(n - 1 - k)];
    }
    return (upper - lower) / g;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return v.length == 0 ? 0 : s / v.length;
  }

  private static double sd(double[] v, double mean) {
    double s = 0;
    for (double d : v) {
      s += (d - mean) * (d - mean);
    }
    return v.length == 0 ? 0 : Math.sqrt(s / v.length);
  }
}
