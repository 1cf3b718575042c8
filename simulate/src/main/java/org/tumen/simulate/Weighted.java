package org.tumen.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/** Items with relative weights, drawn by inverting the cumulative weights (binary search). */
final class Weighted<T> {
  private final List<T> items;
  private final double[] cumulative;

  private Weighted(List<T> items, double[] weights) {
    if (items.isEmpty() || items.size() != weights.length) {
      throw new IllegalArgumentException("need one weight per item, and at least one item");
    }
    this.items = List.copyOf(items);
    this.cumulative = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0)) {
        throw new IllegalArgumentException("negative weight for " + items.get(i));
      }
      total += weights[i];
      cumulative[i] = total;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("all weights are zero");
    }
  }

  static <T> Weighted<T> of(List<T> items, double[] weights) {
    return new Weighted<>(items, weights);
  }

  /** From a map whose iteration order is fixed (an EnumMap or a TreeMap). */
  static <T> Weighted<T> of(Map<T, Double> weights) {
    List<T> items = new ArrayList<>(weights.keySet());
    double[] w = new double[items.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights.get(items.get(i));
    }
    return new Weighted<>(items, w);
  }

  /**
   * Parses {@code A:60,B:35,C:5}.
   *
   * @throws IllegalArgumentException if the text is not of that form
   */
  static Weighted<String> parse(String text) {
    List<String> items = new ArrayList<>();
    String[] parts = text.split(",");
    double[] w = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      int colon = parts[i].lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("expected item:weight, found " + parts[i]);
      }
      items.add(parts[i].substring(0, colon));
      w[i] = Double.parseDouble(parts[i].substring(colon + 1));
    }
    return new Weighted<>(items, w);
  }

  T pick(UniformRandomProvider rng) {
    if (items.size() == 1) {
      return items.get(0);
    }
    double u = rng.nextDouble() * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, u);
    i = i < 0 ? -i - 1 : i + 1;
    return items.get(Math.min(i, items.size() - 1));
  }

  List<T> items() {
    return items;
  }

  /** The probability of item {@code i}. */
  double probability(int i) {
    double total = cumulative[cumulative.length - 1];
    return (cumulative[i] - (i == 0 ? 0 : cumulative[i - 1])) / total;
  }
}
