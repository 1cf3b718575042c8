package org.tumen.simulate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Validation shared by the scenario records: every message names the field and the fix. */
final class Check {
  private Check() {}

  static <T> T present(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  static double probability(String field, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(field + " must be between 0 and 1, was " + p);
    }
    return p;
  }

  static double finite(String field, double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException(field + " must be a finite number, was " + x);
    }
    return x;
  }

  /**
   * Relative weights: non-negative, finite, at least one positive. Returned as an unmodifiable
   * EnumMap so that iteration order (and so the random stream) never depends on the JSON's order.
   */
  static <E extends Enum<E>> Map<E, Double> weights(
      String field, Map<E, Double> weights, Class<E> type) {
    present(field, weights);
    EnumMap<E, Double> copy = new EnumMap<>(type);
    double total = 0;
    for (Map.Entry<E, Double> e : weights.entrySet()) {
      double w = present(field + "." + e.getKey(), e.getValue());
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(
            field + "." + e.getKey() + " must be a non-negative weight, was " + w);
      }
      copy.put(present(field + " key", e.getKey()), w);
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException(field + " needs at least one positive weight");
    }
    return Collections.unmodifiableMap(copy);
  }

  /** Probabilities by key (a missing key means 0), as an unmodifiable EnumMap. */
  static <E extends Enum<E>> Map<E, Double> probabilities(
      String field, Map<E, Double> probabilities, Class<E> type) {
    present(field, probabilities);
    EnumMap<E, Double> copy = new EnumMap<>(type);
    for (Map.Entry<E, Double> e : probabilities.entrySet()) {
      copy.put(
          present(field + " key", e.getKey()),
          probability(field + "." + e.getKey(), present(field + "." + e.getKey(), e.getValue())));
    }
    return Collections.unmodifiableMap(copy);
  }

  static List<Double> weightList(String field, List<Double> weights, int size) {
    present(field, weights);
    if (weights.size() != size) {
      throw new IllegalArgumentException(
          field + " needs " + size + " weights, has " + weights.size());
    }
    double total = 0;
    for (Double w : weights) {
      if (w == null || !(w >= 0) || w.isInfinite()) {
        throw new IllegalArgumentException(field + " weights must be non-negative, found " + w);
      }
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException(field + " needs at least one positive weight");
    }
    return List.copyOf(weights);
  }

  /** Normalised probabilities of an EnumMap's weights, indexed by ordinal. */
  static <E extends Enum<E>> double[] byOrdinal(Map<E, Double> weights, int size) {
    double[] p = new double[size];
    double total = 0;
    for (Map.Entry<E, Double> e : weights.entrySet()) {
      p[e.getKey().ordinal()] = e.getValue();
      total += e.getValue();
    }
    for (int i = 0; i < size; i++) {
      p[i] /= total;
    }
    return p;
  }
}
