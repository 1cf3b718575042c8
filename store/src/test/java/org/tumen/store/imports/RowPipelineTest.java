package org.tumen.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tumen.model.BadInputException;
import org.tumen.store.identity.FieldSealer;
import org.tumen.store.identity.IdentityCodec;
import org.tumen.store.identity.PlaintextCodec;

class RowPipelineTest {

  private final RowPipeline pipe = new RowPipeline();
  private final List<Thread> threads = new ArrayList<>();

  @AfterEach
  void noStageOutlivesTheWriter() throws InterruptedException {
    for (Thread t : threads) {
      t.join(10_000);
      assertThat(t.isAlive()).as(t.getName()).isFalse();
    }
  }

  private static CheckedRow row(long i) {
    return new CheckedRow(
        2 * i,
        2 * i + 1,
        "r" + i,
        i + 2,
        null,
        null,
        List.of("full_name"),
        List.of("n" + i),
        List.of("n" + i));
  }

  private void start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    threads.add(t);
    t.start();
  }

  private void sealWith(RowSealer sealer) {
    start("seal", () -> pipe.seal(sealer));
  }

  @Test
  void everyRowArrivesSealedAndInOrderAfterThePlan() throws Exception {
    ColumnPlan plan = ColumnPlan.of("f.csv", List.of("id", "name"), Map.of());
    start(
        "read",
        () -> {
          pipe.plan(plan);
          for (long i = 0; i < 25_000; i++) {
            pipe.row(row(i));
          }
          pipe.end();
        });
    sealWith(new RowSealer(new PlaintextCodec()));
    List<Object> seen = new ArrayList<>();
    pipe.drain(
        new RowPipeline.Writer() {
          @Override
          public void plan(ColumnPlan p) {
            seen.add(p);
          }

          @Override
          public void row(SealedRow r) {
            seen.add(r.sourceRecordId() + "=" + new String(r.sealedValues()));
          }
        });
    assertThat(seen).hasSize(25_001);
    assertThat(seen.get(0)).isSameAs(plan);
    assertThat(seen.get(1)).isEqualTo("r0=9:full_name2:n0");
    assertThat(seen.get(25_000)).isEqualTo("r24999=9:full_name6:n24999");
  }

  @Test
  void theReadersFailureReachesTheWriterAsItWas() {
    BadInputException bad = new BadInputException("f.csv:9:1", "duplicate record id");
    start(
        "read",
        () -> {
          pipe.row(row(1));
          pipe.fail(bad);
        });
    sealWith(new RowSealer(new PlaintextCodec()));
    assertThatThrownBy(() -> pipe.drain(ignoring())).isSameAs(bad);
  }

  @Test
  void theSealersFailureReachesTheWriterAndStopsTheReader() {
    AtomicReference<Throwable> readerEnd = new AtomicReference<>();
    start("read", () -> readMany(readerEnd));
    IdentityCodec failing =
        new IdentityCodec() {
          @Override
          public String id() {
            return "failing";
          }

          @Override
          public byte[] newPersonKey(long personId) {
            return null;
          }

          @Override
          public FieldSealer sealerFor(long personId, byte[] wrappedKey) {
            throw new IllegalStateException("no key for person " + personId);
          }

          @Override
          public byte[] blindIndex(String field, String normalisedKey) {
            return new byte[2];
          }
        };
    sealWith(new RowSealer(failing));
    assertThatThrownBy(() -> pipe.drain(ignoring())).hasMessage("no key for person 0");
    joinAll();
    assertThat(readerEnd.get()).isInstanceOf(CancellationException.class);
  }

  @Test
  void theWritersFailureStopsStagesWaitingOnFullQueues() {
    AtomicReference<Throwable> readerEnd = new AtomicReference<>();
    start("read", () -> readMany(readerEnd));
    sealWith(new RowSealer(new PlaintextCodec()));
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
    joinAll();
    assertThat(readerEnd.get()).isInstanceOf(CancellationException.class);
  }

  private void readMany(AtomicReference<Throwable> end) {
    try {
      for (long i = 0; i < 1_000_000; i++) {
        pipe.row(row(i));
      }
      pipe.end();
    } catch (RuntimeException e) {
      end.set(e);
    }
  }

  private void joinAll() {
    for (Thread t : threads) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static RowPipeline.Writer ignoring() {
    return new RowPipeline.Writer() {
      @Override
      public void plan(ColumnPlan p) {}

      @Override
      public void row(SealedRow r) {}
    };
  }
}
