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
 * <p>Measured when written (docs/benchmarks.md, "The default end to end"): 20,976 (19,202–23,469)
 * for a true 20,000 (+4.9%); the same default on the true linkage 20,768 (18,700–23,310); the
 * corrected table holds 12,657 people, the truth 12,662. The true total and the true linkage's
 * estimate must be inside the interval (issue 11's target); the point is held within 6% (the target
 * is 5%, on the team's hidden lists).
 */
class LinkageErrorsKorean20kIT {
  private static final int TRUE_TOTAL = 20_000;
  private static final int TRUE_PEOPLE_SEEN = 12_662;

  @TempDir Path dir;

  @Test
  void theDefaultCommandsHoldTheTruth() throws IOException {
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

    JsonNode e = estimate("--clusters", clusters.toString(), "--draws", draws.toString(), "--json");
    JsonNode c = e.at("/diagnostics/convergence/linkageCorrection");
    // the same default on the table as linked (no errors file without --draws) ...
    double asLinked =
        estimate("--clusters", clusters.toString(), "--json").get("estimate").asDouble();
    // ... and on the true linkage
    Path truth = dir.resolve("truth-clusters.csv");
    List<String> rows = new ArrayList<>(Files.readAllLines(lists.resolve("truth.csv")));
    rows.set(0, "source,record_id,cluster_id");
    Files.write(truth, rows);
    double trueLinkage =
        estimate("--clusters", truth.toString(), "--json").get("estimate").asDouble();

    assertThat(e.get("method").asText()).isEqualTo("combined");
    assertThat(e.at("/diagnostics/convergence/linkageDraws").asInt()).isEqualTo(20);
    double estimate = e.get("estimate").asDouble();
    double lower = e.at("/interval/lower").asDouble();
    double upper = e.at("/interval/upper").asDouble();
    // the corrected table has fewer people than the clusters, within 1% of the truth (measured
    // 0.04%)
    assertThat(e.get("observed").asLong()).isLessThan(c.get("observedAsLinked").asLong());
    assertThat(Math.abs(e.get("observed").asDouble() / TRUE_PEOPLE_SEEN - 1)).isLessThan(0.01);
    // the correction moves the estimate from the one as linked towards the true linkage's
    assertThat(Math.abs(estimate - trueLinkage)).isLessThan(Math.abs(asLinked - trueLinkage));
    // the interval holds the true total and the estimate from the true linkage
    assertThat((double) TRUE_TOTAL).isBetween(lower, upper);
    assertThat(trueLinkage).isBetween(lower, upper);
    // measured +4.9%
    assertThat(Math.abs(estimate / TRUE_TOTAL - 1)).isLessThan(0.06);
  }

  private static JsonNode estimate(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("estimate"));
    all.addAll(List.of(args));
    Run r = LinkCommandTest.run(all.toArray(String[]::new));
    assertThat(r.status()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
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
