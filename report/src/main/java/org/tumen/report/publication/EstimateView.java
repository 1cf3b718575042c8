package org.tumen.report.publication;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved estimate of the total as a report shows it: what was counted, from which lists, how, and
 * with what interval (DESIGN.md, "Honest numbers").
 *
 * @param id its id in the workspace, by which a story refers to it
 * @param stratum what was counted
 * @param lists the lists it was made from
 * @param method the method's id ({@code loglinear}, {@code combined} …)
 * @param model the model chosen
 * @param observed people seen by at least one list
 * @param estimate the estimated total, or empty when the model gives none (then {@code inestimable}
 *     says why)
 * @param level the interval's level
 * @param lower the interval's lower end
 * @param upper the interval's upper end (infinite when unbounded)
 * @param notes the estimator's warnings and diagnostics, one sentence each
 * @param softwareVersion the Tumen version that made it
 * @param createdAt when it was saved
 */
public record EstimateView(
    String id,
    String stratum,
    List<String> lists,
    String method,
    String model,
    long observed,
    Optional<Double> estimate,
    double level,
    double lower,
    double upper,
    String inestimable,
    List<String> notes,
    String softwareVersion,
    Instant createdAt) {

  public EstimateView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(stratum, "stratum");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(inestimable, "inestimable");
    Objects.requireNonNull(softwareVersion, "softwareVersion");
    Objects.requireNonNull(createdAt, "createdAt");
    lists = List.copyOf(lists);
    notes = List.copyOf(notes);
    if (estimate.isPresent() && !(lower <= estimate.get() && estimate.get() <= upper)) {
      throw new IllegalArgumentException("estimate " + id + " lies outside its interval");
    }
    if (estimate.isEmpty() && inestimable.isBlank()) {
      throw new IllegalArgumentException("estimate " + id + ": with no estimate, say why");
    }
  }
}
