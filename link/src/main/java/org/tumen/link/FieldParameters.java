package org.tumen.link;

import java.util.List;

/**
 * The fitted parameters of one field: per agreement level, m = P(level | match), u = P(level |
 * non-match) and the weight log2(m/u) as used (made non-increasing from strongest to weakest
 * agreement).
 */
public record FieldParameters(
    String field, List<String> levels, List<Double> m, List<Double> u, List<Double> weight) {
  public FieldParameters {
    levels = List.copyOf(levels);
    m = List.copyOf(m);
    u = List.copyOf(u);
    weight = List.copyOf(weight);
    if (m.size() != levels.size() || u.size() != levels.size() || weight.size() != levels.size()) {
      throw new IllegalArgumentException("one m, u and weight per level");
    }
  }
}
