package org.tumen.estimate.loglinear;

/**
 * Rcapture's heterogeneity terms (Baillargeon & Rivest 2007, JSS 19(5), §1.2; Rivest & Baillargeon
 * 2007): columns that depend on a history only through its number of captures {@code c}. Each
 * column is 0 at {@code c = 0}, so {@code exp(intercept)} stays the number of people seen by no
 * list.
 */
enum Heterogeneity {
  /** No heterogeneity column. */
  NONE(""),
  /**
   * Chao's lower bound (Rivest & Baillargeon 2007): hinge columns {@code (c - k)+} for k = 2..K-1,
   * so the log mean is linear in c from 0 to 2 (which gives Chao's f1²/(2 f2) bound) and free
   * above. The eta parameters of a mixture are non-negative; negative ones are set to zero and the
   * model refitted, as Rcapture does.
   */
  CHAO("chao"),
  /** Poisson mixture with theta = 2: column {@code 2^c - 1}. */
  POISSON2("poisson2"),
  /** Darroch et al. (1993): column {@code c²/2}. */
  DARROCH("darroch"),
  /** Gamma mixture with theta = 3.5: column {@code -log(1 + c/3.5)}. */
  GAMMA35("gamma3.5");

  final String suffix;

  Heterogeneity(String suffix) {
    this.suffix = suffix;
  }

  /** Number of columns this term adds for {@code k} lists. */
  int columns(int k) {
    return switch (this) {
      case NONE -> 0;
      case CHAO -> Math.max(0, k - 2);
      default -> 1;
    };
  }

  /** Value of column {@code j} of this term for a history with {@code c} captures. */
  double value(int j, int c) {
    return switch (this) {
      case NONE -> throw new IllegalStateException("no heterogeneity column");
      case CHAO -> Math.max(0, c - (j + 2));
      case POISSON2 -> Math.pow(2, c) - 1;
      case DARROCH -> c * c / 2.0;
      case GAMMA35 -> -Math.log1p(c / 3.5);
    };
  }
}
