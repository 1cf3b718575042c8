package org.tumen.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tumen.model.BadInputException;

/**
 * How many lists each estimation method can take before it cannot finish (issue 12, finding 10):
 * checked before the capture table is built, since the table alone has 2^K cells. The limits are
 * measured, not guessed (docs/benchmarks.md, "Estimation: how many lists"): beyond them a method
 * runs for hours or exhausts the heap, so {@code tumen estimate} refuses with exit status 2 and
 * says why, instead of running past any patience or dying with OutOfMemoryError.
 */
final class EstimateLimits {

  /** The most lists each method is run on, and why not more. */
  static final Map<String, Limit> LIMITS =
      Map.of(
          "loglinear",
          new Limit(
              15,
              "its model search fits candidate models to all 2^K cells and costs about three times"
                  + " more with each list: 13 lists took 2 minutes of CPU, 16 would take over an"
                  + " hour"),
          "lcmcr",
          new Limit(
              25,
              "its 2^K-cell tables double with each list: 25 lists took 860 MiB, 28 would not fit"
                  + " the default 4 GiB heap"),
          "latent",
          new Limit(
              15,
              "its EM keeps arrays of all 2^K cells in each of its 288 fits; it was not measured"
                  + " beyond the 15 lists of the default it belongs to"),
          "chao",
          new Limit(
              22,
              "its bootstrap resamples all 2^K cells and costs about twice as much with each list:"
                  + " 17 lists took 34 s of CPU, 23 would take over an hour"));

  /**
   * The methods each of several runs: {@code combined} its components (so its limit is the smallest
   * of theirs, log-linear's), {@code all} every method with a limit.
   */
  static final Map<String, List<String>> RUNS =
      Map.of(
          "combined", List.of("loglinear", "lcmcr", "chao", "latent"),
          "all", List.of("loglinear", "lcmcr", "chao", "latent"));

  record Limit(int lists, String why) {}

  private EstimateLimits() {}

  /**
   * @throws BadInputException if {@code method} (or, for {@code all}, any method it runs) cannot
   *     finish on {@code lists} lists; nothing when {@code lists} is unknown (negative)
   */
  static void check(String method, int lists) {
    List<String> methods = RUNS.getOrDefault(method, List.of(method));
    for (String m : methods) {
      Limit limit = LIMITS.get(m);
      if (limit != null && lists > limit.lists()) {
        throw new BadInputException(
            "--method " + method,
            String.format(
                "%d lists are more than %s can estimate in reasonable time and memory (%d at most:"
                    + " %s; docs/benchmarks.md); estimate from fewer lists, e.g. merge the"
                    + " smallest ones or leave some out",
                lists, m, limit.lists(), limit.why()));
      }
    }
  }

  /**
   * The number of lists in a capture table (its columns but {@code count}) or a clusters file (its
   * distinct sources), read without building the table; -1 when it cannot tell, so that the table's
   * own reader reports the problem.
   */
  static int lists(Path table, Path clusters) {
    if ((table == null) == (clusters == null)) {
      return -1;
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    try (Reader in =
            Files.newBufferedReader(table != null ? table : clusters, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
      Iterator<CSVRecord> rows = parser.iterator();
      if (!rows.hasNext()) {
        return -1;
      }
      CSVRecord header = rows.next();
      if (table != null) {
        return header.size() - 1;
      }
      Set<String> sources = new HashSet<>();
      while (rows.hasNext()) {
        CSVRecord r = rows.next();
        if (r.size() > 0 && !r.get(0).isEmpty()) {
          sources.add(r.get(0));
        }
      }
      return sources.size();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
