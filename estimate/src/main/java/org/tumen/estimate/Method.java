package org.tumen.estimate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The estimation methods, a closed registry: the name each has on the command line and in the
 * estimate JSON of DESIGN.md ({@code "method"}), and nothing else. Which engine runs a method is
 * decided by its caller, never by a class name read from input.
 */
public enum Method {
  /**
   * The default: an equal-weight average of log-linear model averaging, a heterogeneity model,
   * LCMCR, sample coverage and, from four lists, the two-class latent-class model's profile
   * likelihood ({@code org.tumen.estimate.combined}; docs/coverage-study.md).
   */
  COMBINED("combined"),
  /** Poisson log-linear models, Rcapture's family ({@code org.tumen.estimate.loglinear}). */
  LOGLINEAR("loglinear"),
  /** Bayesian latent classes, Manrique-Vallier 2016 ({@code org.tumen.estimate.lcmcr}). */
  LCMCR("lcmcr"),
  /**
   * The two-class latent-class model by maximum likelihood with its profile-likelihood interval,
   * Agresti 1994 and Pledger 2000 ({@code org.tumen.estimate.lcmcr.LatentClassProfile}).
   */
  LATENT("latent"),
  /** Model averaging over decomposable graphs, Madigan & York 1997 ({@code ...estimate.dga}). */
  DGA("dga"),
  /** Chao's sample coverage, Chao et al. 2001 ({@code org.tumen.estimate.coverage}). */
  CHAO("chao");

  private final String id;

  Method(String id) {
    this.id = id;
  }

  /** The name on the command line and in JSON, e.g. {@code loglinear}. */
  public String id() {
    return id;
  }

  /** The method named {@code name} (case-insensitive), if there is one. */
  public static Optional<Method> parse(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.id.equals(n)).findFirst();
  }

  /** Every method's name, comma-separated, for messages. */
  public static String names() {
    return Arrays.stream(values()).map(Method::id).collect(Collectors.joining(", "));
  }

  /** The id, so that text that shows a method reads as before. */
  @Override
  public String toString() {
    return id;
  }
}
