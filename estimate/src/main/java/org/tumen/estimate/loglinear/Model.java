package org.tumen.estimate.loglinear;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tumen.model.BadInputException;

/**
 * A log-linear capture–recapture model in Rcapture's notation (DESIGN.md): a base ({@code M0},
 * {@code Mt}, {@code Mh-chao}, {@code Mth-poisson2}, ...) plus interaction terms such as {@code
 * [1,2]} or {@code [1,2,3]} (lists numbered from 1 in column order).
 *
 * <p>Columns, in order: the intercept (log of the number of people on no list); the capture effects
 * (one per list for {@code Mt}/{@code Mth}, one for the number of captures for {@code M0}/{@code
 * Mh}); the heterogeneity columns; the interaction terms. A term is a bit mask over the lists.
 *
 * @param lists the number of lists K
 * @param timeEffects one capture effect per list ({@code Mt}) rather than one shared ({@code M0})
 * @param heterogeneity Rcapture's heterogeneity term
 * @param terms interaction terms as bit masks of two or more lists, in canonical order
 */
record Model(int lists, boolean timeEffects, Heterogeneity heterogeneity, List<Integer> terms) {

  static final Comparator<Integer> TERM_ORDER =
      Comparator.comparingInt(Integer::bitCount).thenComparing(Model::termKey);

  Model {
    List<Integer> sorted = new ArrayList<>(terms);
    sorted.sort(TERM_ORDER);
    terms = List.copyOf(sorted);
  }

  /** {@code Mt} plus the given interaction terms. */
  static Model mt(int lists, List<Integer> terms) {
    return new Model(lists, true, Heterogeneity.NONE, terms);
  }

  /**
   * Parses a model name for a table of {@code k} lists.
   *
   * @throws BadInputException (place {@code --model}) for a malformed name or a list that does not
   *     exist
   */
  static Model parse(String text, int k) {
    String s = text.strip();
    String[] parts = s.split("\\+", -1);
    String base = parts[0].strip().toLowerCase(Locale.ROOT);
    boolean time;
    Heterogeneity h = Heterogeneity.NONE;
    if (base.equals("m0")) {
      time = false;
    } else if (base.equals("mt")) {
      time = true;
    } else if (base.startsWith("mth-") || base.startsWith("mh-")) {
      time = base.startsWith("mth-");
      String suffix = base.substring(base.indexOf('-') + 1);
      h = null;
      for (Heterogeneity candidate : Heterogeneity.values()) {
        if (candidate != Heterogeneity.NONE && candidate.suffix.equals(suffix)) {
          h = candidate;
        }
      }
      if (h == null) {
        throw bad(text, "unknown heterogeneity '" + suffix + "'");
      }
    } else {
      throw bad(text, "unknown base model '" + parts[0].strip() + "'");
    }
    List<Integer> terms = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      int term = parseTerm(text, parts[i].strip(), k);
      if (terms.contains(term)) {
        throw bad(text, "term " + parts[i].strip() + " appears twice");
      }
      terms.add(term);
    }
    return new Model(k, time, h, terms);
  }

  private static int parseTerm(String text, String term, int k) {
    if (!term.startsWith("[") || !term.endsWith("]")) {
      throw bad(text, "expected an interaction term like [1,2], found '" + term + "'");
    }
    String[] items = term.substring(1, term.length() - 1).split(",", -1);
    int mask = 0;
    for (String item : items) {
      int list;
      try {
        list = Integer.parseInt(item.strip());
      } catch (NumberFormatException e) {
        throw bad(text, "expected list numbers in " + term);
      }
      if (list < 1 || list > k) {
        throw new BadInputException(
            "--model",
            "'"
                + text
                + "' names list "
                + list
                + " but the table has "
                + k
                + " lists (numbered 1 to "
                + k
                + ")");
      }
      if ((mask >> (list - 1) & 1) == 1) {
        throw bad(text, "list " + list + " appears twice in " + term);
      }
      mask |= 1 << (list - 1);
    }
    if (Integer.bitCount(mask) < 2) {
      throw bad(text, term + " is a main effect; interaction terms need two or more lists");
    }
    return mask;
  }

  private static BadInputException bad(String text, String problem) {
    return new BadInputException(
        "--model",
        "'"
            + text
            + "': "
            + problem
            + " (use M0, Mt, Mh-chao, Mth-chao, Mth-poisson2, Mth-darroch, Mth-gamma3.5,"
            + " optionally + terms such as [1,2])");
  }

  /** The canonical name, e.g. {@code Mt+[1,2]+[2,3]}. */
  String name() {
    StringBuilder sb = new StringBuilder();
    if (heterogeneity == Heterogeneity.NONE) {
      sb.append(timeEffects ? "Mt" : "M0");
    } else {
      sb.append(timeEffects ? "Mth-" : "Mh-").append(heterogeneity.suffix);
    }
    for (int t : terms) {
      sb.append('+').append(termName(t));
    }
    return sb.toString();
  }

  static String termName(int mask) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      if ((mask >> i & 1) == 1) {
        items.add(Integer.toString(i + 1));
      }
    }
    return "[" + String.join(",", items) + "]";
  }

  private static String termKey(int mask) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 31; i++) {
      if ((mask >> i & 1) == 1) {
        sb.append((char) ('a' + i));
      }
    }
    return sb.toString();
  }

  /** Number of columns of the design. */
  int columns() {
    return 1 + (timeEffects ? lists : 1) + heterogeneity.columns(lists) + terms.size();
  }

  /** First heterogeneity column. */
  int firstEta() {
    return 1 + (timeEffects ? lists : 1);
  }

  /** Value of column {@code col} for capture pattern {@code pattern} (bit i = on list i). */
  double value(int col, int pattern) {
    if (col == 0) {
      return 1;
    }
    int captureCols = timeEffects ? lists : 1;
    if (col <= captureCols) {
      return timeEffects ? (pattern >> (col - 1) & 1) : Integer.bitCount(pattern);
    }
    int h = col - 1 - captureCols;
    int hc = heterogeneity.columns(lists);
    if (h < hc) {
      return heterogeneity.value(h, Integer.bitCount(pattern));
    }
    int mask = terms.get(h - hc);
    return (pattern & mask) == mask ? 1 : 0;
  }

  /**
   * The lists whose joint presence a column counts, when the column's parameter can be −∞ because
   * no one was seen on all of them (Fienberg & Rinaldo 2012, extended MLE); 0 for columns that
   * cannot be dropped that way.
   */
  int dropMask(int col) {
    int captureCols = timeEffects ? lists : 1;
    if (timeEffects && col >= 1 && col <= captureCols) {
      return 1 << (col - 1);
    }
    int t = col - 1 - captureCols - heterogeneity.columns(lists);
    return t >= 0 ? terms.get(t) : 0;
  }

  /** A short name of a column, for messages. */
  String columnName(int col) {
    if (col == 0) {
      return "intercept";
    }
    int captureCols = timeEffects ? lists : 1;
    if (col <= captureCols) {
      return timeEffects ? "list " + col : "captures";
    }
    int h = col - 1 - captureCols;
    int hc = heterogeneity.columns(lists);
    if (h < hc) {
      return "eta" + (h + 1);
    }
    return termName(terms.get(h - hc));
  }
}
