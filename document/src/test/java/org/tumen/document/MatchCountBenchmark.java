package org.tumen.document;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.tumen.document.search.TestimonySearch;

/**
 * CPU of the web's search with each hit's matching words located ({@link TestimonySearch#find}) and
 * only counted ({@link TestimonySearch#findCounted}), 50 hits inside a need-to-know filter of every
 * 50th source, as the results page asks; run by hand (docs/benchmarks.md), never as a test.
 * Arguments: the number of synthetic testimonies, the number of queries per round.
 */
public final class MatchCountBenchmark {

  private MatchCountBenchmark() {}

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final String[] WORDS = {
    "체포", "두만강", "공장", "逮捕", "中介", "工厂", "arrested", "river", "factory", "police market"
  };

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    int queries = Integer.parseInt(args[1]);
    Set<String> visible =
        IntStream.range(0, n)
            .filter(i -> i % 50 == 0)
            .mapToObj(i -> "s" + i)
            .collect(Collectors.toSet());
    try (TestimonySearch search =
        TestimonySearch.build(SearchBenchmark.testimonies(n, new Random(1)))) {
      for (int round = 0; round < 4; round++) { // the first two warm up
        for (boolean counted : new boolean[] {false, true}) {
          Random r = new Random(3);
          long cpu = CPU.getCurrentThreadCpuTime();
          long hits = 0;
          for (int i = 0; i < queries; i++) {
            String q = WORDS[r.nextInt(WORDS.length)];
            TestimonySearch.Result res =
                counted ? search.findCounted(q, 50, visible) : search.find(q, 50, visible);
            hits += res.hits().size();
          }
          double ms = (CPU.getCurrentThreadCpuTime() - cpu) / 1e6;
          System.out.printf(
              "round %d %s: %,d queries, %,d hits, %.3f ms CPU per query%n",
              round, counted ? "counted" : "located", queries, hits, ms / queries);
        }
      }
    }
  }
}
