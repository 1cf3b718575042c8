package org.tumen.store.estimates;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A saved population estimate: what was counted, from which lists, how, and with what uncertainty
 * (DESIGN.md, "Honest numbers"). An estimate without an interval is refused; a model with no valid
 * estimate is saved with a null estimate and its reason in the diagnostics.
 *
 * @param id the id in the workspace (0 before it is saved)
 * @param linkageRun the linkage run whose clusters were counted, or null (e.g. a capture table)
 * @param stratum what was counted, e.g. "all" or "female, 1997-2000"
 * @param lists the lists, in capture-history order
 * @param method e.g. "loglinear", "lcmcr", "chao"
 * @param model e.g. "Mt+[1,2]"
 * @param observed people seen by at least one list
 * @param estimate the estimated total, or null when the model gives none
 * @param level the interval's level, e.g. 0.95 (null with a null estimate)
 * @param lower the interval's lower end (null with a null estimate)
 * @param upper the interval's upper end (null with a null estimate)
 * @param diagnostics the estimator's diagnostics as JSON text
 * @param softwareVersion the Tumen version that made it
 * @param createdAt when it was saved (null before it is saved)
 */
public record StoredEstimate(
    long id,
    Long linkageRun,
    String stratum,
    List<String> lists,
    String method,
    String model,
    long observed,
    Double estimate,
    Double level,
    Double lower,
    Double upper,
    String diagnostics,
    String softwareVersion,
    Instant createdAt) {

  public StoredEstimate {
    Objects.requireNonNull(stratum, "stratum");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(diagnostics, "diagnostics");
    Objects.requireNonNull(softwareVersion, "softwareVersion");
    lists = List.copyOf(lists);
    if (lists.size() < 2 || lists.stream().anyMatch(l -> l.isBlank() || l.contains("\n"))) {
      throw new IllegalArgumentException("an estimate names at least two lists, one per line");
    }
    if (observed < 0) {
      throw new IllegalArgumentException("observed cannot be negative");
    }
    if (estimate != null) {
      if (level == null || lower == null || upper == null) {
        throw new IllegalArgumentException("an estimate needs its interval");
      }
      if (!(level > 0 && level < 1) || !(lower <= upper) || estimate < observed) {
        throw new IllegalArgumentException(
            "need 0 < level < 1, lower <= upper and estimate >= observed");
      }
    } else if (diagnostics.isBlank()) {
      throw new IllegalArgumentException("with no estimate, the diagnostics must say why");
    }
  }

  StoredEstimate saved(long newId, Instant at) {
    return new StoredEstimate(
        newId,
        linkageRun,
        stratum,
        lists,
        method,
        model,
        observed,
        estimate,
        level,
        lower,
        upper,
        diagnostics,
        softwareVersion,
        at);
  }
}
