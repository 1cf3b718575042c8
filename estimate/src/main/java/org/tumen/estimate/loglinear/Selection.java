package org.tumen.estimate.loglinear;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;

/**
 * Chooses a hierarchical interaction model ({@code Mt} plus interaction terms) by AIC or BIC.
 *
 * <p>For up to 6 lists every model is fitted (exhaustive search: 2^15 = 32,768 models of order 2 at
 * six lists; 6,212 models of order 3 at five), in parallel; above six lists a bidirectional
 * stepwise search starts from {@code Mt} and adds or removes one term at a time while the criterion
 * falls. Order-3 terms enter only with all three of their pairs (hierarchy). Inestimable models are
 * never chosen; ties go to the model with fewer parameters, then to the earlier one.
 *
 * <p>The candidates' coefficients on the original table are kept to warm-start the refits of the
 * same candidates on bootstrap and jackknife tables, which differ little from it.
 */
final class Selection {
  private static final int EXHAUSTIVE_LISTS = 6;

  /**
   * @param best the chosen fit, or null if no candidate is estimable
   * @param compared how many models were fitted
   * @param exhaustive whether every candidate was fitted
   */
  record Result(Fit best, int compared, boolean exhaustive) {}

  private final int k;
  private final Criterion criterion;
  private final int maxOrder;
  private final List<Model> candidates;
  private final Map<Fitter.Key, Existence.Outcome> verdicts = new ConcurrentHashMap<>();
  private final ThreadLocal<Fitter> fitters;
  private double[][] warm;

  Selection(int k, Criterion criterion, int maxOrder) {
    if (maxOrder < 1 || maxOrder > 3) {
      throw new BadInputException("--max-order", "must be 1, 2 or 3, not " + maxOrder);
    }
    if (maxOrder == 3 && k > 5) {
      throw new BadInputException(
          "--max-order",
          "order-3 interactions are searched for at most 5 lists; this table has " + k);
    }
    this.k = k;
    this.criterion = criterion;
    this.maxOrder = maxOrder;
    this.fitters = ThreadLocal.withInitial(() -> new Fitter(verdicts));
    this.candidates = k <= EXHAUSTIVE_LISTS ? enumerate(k, maxOrder) : null;
  }

  /** Selects on the table, fitting the candidates in parallel, and remembers their coefficients. */
  Result select(double[] y) {
    if (candidates == null) {
      return stepwise(y, fitters.get());
    }
    Fit[] fits = new Fit[candidates.size()];
    IntStream.range(0, fits.length)
        .parallel()
        .forEach(i -> fits[i] = fitters.get().fit(candidates.get(i), y, null));
    warm = new double[fits.length][];
    for (int i = 0; i < fits.length; i++) {
      warm[i] = fullCoefficients(fits[i]);
    }
    return new Result(best(fits), fits.length, true);
  }

  /**
   * Every candidate's fit on the table, in parallel (exhaustive search only), for model averaging.
   *
   * @return the fits, or null above six lists, where the candidates are too many to fit
   */
  Fit[] fitAll(double[] y, Progress progress) {
    if (candidates == null) {
      return null;
    }
    Fit[] fits = new Fit[candidates.size()];
    progress.start("fitting the log-linear models", fits.length);
    try {
      IntStream.range(0, fits.length)
          .parallel()
          .forEach(
              i -> {
                fits[i] = fitters.get().fit(candidates.get(i), y, null);
                progress.step(1);
              });
    } finally {
      progress.finish();
    }
    return fits;
  }

  /**
   * Selects on a table near the original one (bootstrap, jackknife) on the calling thread, starting
   * each fit from the same model's coefficients on the original table.
   */
  Result reselect(double[] y) {
    Fitter fitter = fitters.get();
    if (candidates == null) {
      return stepwise(y, fitter);
    }
    Fit[] fits = new Fit[candidates.size()];
    for (int i = 0; i < fits.length; i++) {
      fits[i] = fitter.fit(candidates.get(i), y, warm == null ? null : warm[i]);
    }
    return new Result(best(fits), fits.length, true);
  }

  private Fit best(Fit[] fits) {
    Fit best = null;
    for (Fit f : fits) {
      if (f.estimable() && (best == null || better(f, best))) {
        best = f;
      }
    }
    return best;
  }

  private boolean better(Fit a, Fit b) {
    double ca = a.criterion(criterion);
    double cb = b.criterion(criterion);
    if (ca != cb) {
      return ca < cb;
    }
    return a.parameters() < b.parameters();
  }

  private Result stepwise(double[] y, Fitter fitter) {
    List<Integer> terms = new ArrayList<>();
    Fit current = fitter.fit(Model.mt(k, terms), y, null);
    int compared = 1;
    List<Integer> allTerms = termsUpTo(k, maxOrder);
    while (true) {
      Fit next = null;
      List<Integer> nextTerms = null;
      for (int t : allTerms) {
        List<Integer> trial = new ArrayList<>(terms);
        if (terms.contains(t)) {
          if (hasSuperTerm(terms, t)) {
            continue;
          }
          trial.remove(Integer.valueOf(t));
        } else {
          if (!hasAllSubTerms(terms, t)) {
            continue;
          }
          trial.add(t);
        }
        Fit f = fitter.fit(Model.mt(k, trial), y, null);
        compared++;
        if (f.estimable() && (next == null || better(f, next))) {
          next = f;
          nextTerms = trial;
        }
      }
      boolean improves =
          next != null
              && (!current.estimable() || next.criterion(criterion) < current.criterion(criterion));
      if (!improves) {
        return new Result(current.estimable() ? current : null, compared, false);
      }
      current = next;
      terms = nextTerms;
    }
  }

  private static boolean hasSuperTerm(List<Integer> terms, int t) {
    for (int s : terms) {
      if (s != t && (s & t) == t) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAllSubTerms(List<Integer> terms, int t) {
    if (Integer.bitCount(t) <= 2) {
      return true;
    }
    for (int i = 0; i < 31; i++) {
      if ((t >> i & 1) == 1 && !terms.contains(t & ~(1 << i))) {
        return false;
      }
    }
    return true;
  }

  /** All interaction terms of order 2..maxOrder, as bit masks, pairs first. */
  static List<Integer> termsUpTo(int k, int maxOrder) {
    List<Integer> terms = new ArrayList<>();
    for (int order = 2; order <= maxOrder; order++) {
      for (int mask = 0; mask < 1 << k; mask++) {
        if (Integer.bitCount(mask) == order) {
          terms.add(mask);
        }
      }
    }
    terms.sort(Model.TERM_ORDER);
    return terms;
  }

  /**
   * Every hierarchical model of the given order: each set of pairs, then each allowed set of
   * triples.
   */
  static List<Model> enumerate(int k, int maxOrder) {
    List<Integer> pairs = termsUpTo(k, 2);
    List<Model> models = new ArrayList<>();
    int pairSets = maxOrder >= 2 ? 1 << pairs.size() : 1;
    for (int set = 0; set < pairSets; set++) {
      List<Integer> chosen = new ArrayList<>();
      for (int i = 0; i < pairs.size(); i++) {
        if ((set >> i & 1) == 1) {
          chosen.add(pairs.get(i));
        }
      }
      List<Integer> triples = new ArrayList<>();
      if (maxOrder >= 3) {
        for (int t : termsUpTo(k, 3)) {
          if (Integer.bitCount(t) == 3 && hasAllSubTerms(chosen, t)) {
            triples.add(t);
          }
        }
      }
      for (int tset = 0; tset < 1 << triples.size(); tset++) {
        List<Integer> terms = new ArrayList<>(chosen);
        for (int i = 0; i < triples.size(); i++) {
          if ((tset >> i & 1) == 1) {
            terms.add(triples.get(i));
          }
        }
        models.add(Model.mt(k, terms));
      }
    }
    return models;
  }

  /** Coefficients over all of the model's columns (0 for columns left out), for warm starts. */
  private static double[] fullCoefficients(Fit fit) {
    if (!fit.estimable()) {
      return null;
    }
    double[] full = new double[fit.active().length];
    for (int c = 0, j = 0; c < full.length; c++) {
      if (fit.active()[c]) {
        full[c] = fit.beta()[j++];
      }
    }
    return full;
  }
}
