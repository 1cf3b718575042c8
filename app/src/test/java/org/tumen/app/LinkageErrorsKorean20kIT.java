package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.app.LinkCommandTest.Run;

/**
 * End to end on lists Tumen was not written for ({@code shared/data/external-lists/korean-20k}:
 * 20,000 synthetic people, 12,662 on a list, from an independent generator), with the default
 * commands: {@code tumen link --draws}, then {@code tumen estimate --clusters --draws}.
 *
 * <p>A <b>regression floor</b>, not the target. Measured when written (docs/methods.md, "Linkage
 * errors"): 21,790 (21,014–23,164), as linked 22,324, true linkage 21,716 (20,946–22,516), truth
 * 20,000; the corrected table holds 12,657 people, the truth 12,662. The interval holds the
 * estimate from the true linkage, which is asserted; it does not hold 20,000, because the default
 * log-linear search is 8.6% high and too sure even on the true linkage (issue 11, item 3), so only
 * a floor on the distance from the true total is. Tighten these bounds as the default method
 * improves.
 */
class LinkageErrorsKorean20kIT {
  private static final int TRUE_TOTAL = 20_000;
  private static final int TRUE_PEOPLE_SEEN = 12_662;

  @TempDir Path dir;

  @Test
  void theCorrectionMovesTheCountTowardsTheTruth() throws IOException {
    Path lists = external("korean-20k");
    List<String> args = new ArrayList<>(List.of("link", "--input"));
    try (Stream<Path> files = Files.list(lists)) {
      files
          .filter(f -> f.toString().endsWith(".csv") && !f.endsWith("truth.csv"))
          .sorted()
          .forEach(f -> args.add(f.toString()));
    }
    Path clusters = dir.resolve("clusters.csv");
    Path draws = dir.resolve("draws.csv");
    args.addAll(List.of("--out", clusters.toString(), "--draws", draws.toString()));
    Run link = LinkCommandTest.run(args.toArray(String[]::new));
    assertThat(link.status()).as(link.err()).isZero();

    Run estimate =
        LinkCommandTest.run(
            "estimate", "--clusters", clusters.toString(), "--draws", draws.toString(), "--json");
    assertThat(estimate.status()).as(estimate.err()).isZero();
    JsonNode e = new ObjectMapper().readTree(estimate.out());
    JsonNode c = e.at("/diagnostics/convergence/linkageCorrection");

    Path truth = dir.resolve("truth-clusters.csv");
    List<String> rows = new ArrayList<>(Files.readAllLines(lists.resolve("truth.csv")));
    rows.set(0, "source,record_id,cluster_id");
    Files.write(truth, rows);
    Run exact =
        LinkCommandTest.run(
            "estimate",
            "--clusters",
            truth.toString(),
            // the method --draws runs (the log-linear search): like meets like
            "--method",
            "loglinear",
            "--bootstrap",
            "0",
            "--json");
    double trueLinkage = new ObjectMapper().readTree(exact.out()).get("estimate").asDouble();

    double asLinked = c.get("estimateUncorrected").asDouble();
    double corrected = e.get("estimate").asDouble();
    long seenAsLinked = c.get("observedAsLinked").asLong();
    // the corrected table has fewer people than the clusters, within 1% of the truth (measured
    // 0.04%)
    assertThat(e.get("observed").asLong()).isLessThan(seenAsLinked);
    assertThat(Math.abs(e.get("observed").asDouble() / TRUE_PEOPLE_SEEN - 1)).isLessThan(0.01);
    // the estimate moves from the one as linked towards the one from the true linkage
    assertThat(Math.abs(corrected - trueLinkage)).isLessThan(Math.abs(asLinked - trueLinkage));
    // the interval holds the estimate from the true linkage and the one as linked
    assertThat(e.at("/interval/lower").asDouble()).isLessThanOrEqualTo(trueLinkage);
    assertThat(e.at("/interval/upper").asDouble()).isGreaterThanOrEqualTo(trueLinkage);
    assertThat(e.at("/interval/upper").asDouble()).isGreaterThanOrEqualTo(asLinked);
    // floor: measured +9.0% from the true total (as linked +11.6%); 20,000 is not inside
    assertThat(Math.abs(corrected / TRUE_TOTAL - 1)).isLessThan(0.12);
  }

  private static Path external(String name) {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path d = p.resolve("shared/data/external-lists").resolve(name);
      if (Files.isDirectory(d)) {
        return d;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("shared/data/external-lists/" + name + " not found");
  }
}
