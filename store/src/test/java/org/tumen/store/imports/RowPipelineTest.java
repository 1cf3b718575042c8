package org.tumen.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tumen.model.BadInputException;

class RowPipelineTest {

  private static SealedRow row(long i) {
    return new SealedRow(i, null, i + 1, "r" + i, i + 2, null, null, null, null);
  }

  @Test
  void everyRowArrivesInOrderAfterThePlan() throws Exception {
    RowPipeline pipe = new RowPipeline();
    ColumnPlan plan = ColumnPlan.of("f.csv", List.of("id", "name"), java.util.Map.of());
    Thread reader =
        new Thread(
            () -> {
              pipe.plan(plan);
              for (long i = 0; i < 25_000; i++) {
                pipe.row(row(i));
              }
              pipe.end();
            });
    List<Object> seen = new ArrayList<>();
    reader.start();
    pipe.drain(
        new RowPipeline.Writer() {
          @Override
          public void plan(ColumnPlan p) {
            seen.add(p);
          }

          @Override
          public void row(SealedRow r) {
            seen.add(r.sourceRecordId());
          }
        });
    reader.join();
    assertThat(seen).hasSize(25_001);
    assertThat(seen.get(0)).isSameAs(plan);
    assertThat(seen.get(1)).isEqualTo("r0");
    assertThat(seen.get(25_000)).isEqualTo("r24999");
  }

  @Test
  void theReadersFailureReachesTheWriterAsItWas() {
    RowPipeline pipe = new RowPipeline();
    BadInputException bad = new BadInputException("f.csv:9:1", "duplicate record id");
    Thread reader =
        new Thread(
            () -> {
              pipe.row(row(1));
              pipe.fail(bad);
            });
    reader.start();
    assertThatThrownBy(() -> pipe.drain(counting(new ArrayList<>()))).isSameAs(bad);
  }

  @Test
  void theWritersFailureStopsAReaderWaitingOnAFullQueue() throws Exception {
    RowPipeline pipe = new RowPipeline();
    AtomicReference<Throwable> readerEnd = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                for (long i = 0; i < 1_000_000; i++) {
                  pipe.row(row(i));
                }
                pipe.end();
              } catch (RuntimeException e) {
                readerEnd.set(e);
              }
            });
    reader.start();
    assertThatThrownBy(
            () ->
                pipe.drain(
                    new RowPipeline.Writer() {
                      @Override
                      public void plan(ColumnPlan p) {}

                      @Override
                      public void row(SealedRow r) throws SQLException {
                        throw new SQLException("disk full");
                      }
                    }))
        .isInstanceOf(SQLException.class)
        .hasMessage("disk full");
    reader.join(10_000);
    assertThat(reader.isAlive()).isFalse();
    assertThat(readerEnd.get()).isInstanceOf(java.util.concurrent.CancellationException.class);
  }

  private static RowPipeline.Writer counting(List<SealedRow> into) {
    return new RowPipeline.Writer() {
      @Override
      public void plan(ColumnPlan p) {}

      @Override
      public void row(SealedRow r) {
        into.add(r);
      }
    };
  }
}
