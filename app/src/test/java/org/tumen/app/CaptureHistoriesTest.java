package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.CaptureTables;
import org.tumen.link.CaptureHistories;
import org.tumen.link.LinkCsv;
import org.tumen.link.LinkResult;
import org.tumen.link.LinkSpec;
import org.tumen.link.Linker;
import org.tumen.link.SourceTable;
import org.tumen.model.Progress;

/**
 * The capture histories a linkage gives directly (as the demo uses them) are the tables {@code
 * tumen estimate --clusters --draws} reads back from the files {@code tumen link} writes.
 */
class CaptureHistoriesTest {

  @TempDir Path dir;

  @Test
  void sameTablesAsTheClustersAndDrawsFiles() throws IOException {
    List<SourceTable> tables =
        VariedHeaders.write(dir, 800, 3).stream().map(SourceTable::read).toList();
    LinkResult linked =
        new Linker().withDraws(4).link(tables, LinkSpec.infer(tables), Progress.NONE);
    Path clusters = dir.resolve("clusters.csv");
    Path draws = dir.resolve("draws.csv");
    try (Writer w = Files.newBufferedWriter(clusters, StandardCharsets.UTF_8)) {
      LinkCsv.writeClusters(linked, w);
    }
    try (Writer w = Files.newBufferedWriter(draws, StandardCharsets.UTF_8)) {
      LinkCsv.writeDraws(linked, w);
    }
    CaptureHistories h = CaptureHistories.of(linked);
    assertThat(new CaptureTable(h.lists(), h.counts()))
        .isEqualTo(CaptureTables.fromClusters(clusters));
    List<CaptureTable> fromFile = CaptureTables.fromDraws(draws, clusters);
    assertThat(h.drawCount()).isEqualTo(4).isEqualTo(fromFile.size());
    for (int d = 0; d < h.drawCount(); d++) {
      assertThat(new CaptureTable(h.lists(), h.drawCounts(d))).isEqualTo(fromFile.get(d));
    }
    assertThat(h.counts()[0]).isZero();
    long people = java.util.Arrays.stream(h.counts()).sum();
    assertThat(people).isEqualTo(linked.clusterCount());
  }
}
