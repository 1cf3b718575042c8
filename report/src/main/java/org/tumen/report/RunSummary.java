package org.tumen.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tumen.estimate.Advice;
import org.tumen.estimate.PopulationEstimate;

/**
 * What one run of the pipeline found, ready to be written as a report. Holds counts and estimates
 * only: never a name, a date of birth or any other identity.
 *
 * @param title the report's title
 * @param synthetic whether the data are synthetic (then the report says so on every page)
 * @param listSizes records per list, in list order
 * @param records records imported
 * @param people people observed: clusters after linkage, or -1 when linkage did not run
 * @param estimates every estimate made, the headline one first; may be empty
 * @param advice what to trust among the estimates, decided by {@link Advice#of}; null when there is
 *     nothing to weigh
 * @param linkage linkage quality against a known truth, or null when there is no truth
 * @param truePopulation the true population size when it is known (a simulation), else -1
 * @param notBuilt pipeline steps that are not built yet and were therefore skipped, in order
 * @param method a short account of the methods used, one sentence each
 */
public record RunSummary(
    String title,
    boolean synthetic,
    Map<String, Long> listSizes,
    long records,
    long people,
    List<PopulationEstimate> estimates,
    Advice advice,
    LinkageQuality linkage,
    long truePopulation,
    List<String> notBuilt,
    List<String> method) {

  public RunSummary {
    Objects.requireNonNull(title, "title");
    listSizes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(listSizes));
    estimates = List.copyOf(estimates);
    notBuilt = List.copyOf(notBuilt);
    method = List.copyOf(method);
  }

  /** Pairwise precision, recall and F1 of linkage against a known truth, and the true count. */
  public record LinkageQuality(double precision, double recall, double f1, long truePeople) {
    public LinkageQuality {
      for (double v : new double[] {precision, recall, f1}) {
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException("linkage quality must lie in [0, 1]: " + v);
        }
      }
    }
  }
}
