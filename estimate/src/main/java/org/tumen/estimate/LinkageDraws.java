package org.tumen.estimate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an estimate weighed the clusterings drawn from the linkage's pair probabilities
 * (docs/methods.md, "Linkage uncertainty"): the clusters' own answer, the draws' answers, and their
 * combination, which is the estimate that carries this record.
 *
 * @param draws how many clusterings were drawn
 * @param drawEstimates per drawn clustering, the chosen model's estimate, or null where none was
 *     estimable
 * @param drawModels how often each model was chosen across the draws, by model name
 * @param estimateFromClusters the estimate from the headline clustering alone
 * @param intervalFromClusters its interval
 * @param estimateFromDraws the draws' combined estimate, or null when some draw gave none
 * @param intervalFromDraws the draws' interval by Rubin's rules, or null when some draw gave none
 */
public record LinkageDraws(
    int draws,
    List<Double> drawEstimates,
    Map<String, Integer> drawModels,
    double estimateFromClusters,
    Interval intervalFromClusters,
    Double estimateFromDraws,
    Interval intervalFromDraws) {

  public LinkageDraws {
    if (drawEstimates.size() != draws) {
      throw new IllegalArgumentException(
          draws + " draws but " + drawEstimates.size() + " estimates");
    }
    if ((estimateFromDraws == null) != (intervalFromDraws == null)) {
      throw new IllegalArgumentException("the draws' estimate and interval come together");
    }
    // null marks a draw with no estimable model, so List.copyOf (which refuses nulls) will not do.
    drawEstimates = Collections.unmodifiableList(new ArrayList<>(drawEstimates));
    drawModels = Collections.unmodifiableMap(new TreeMap<>(drawModels));
  }
}
