package org.tumen.store.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A counting segment gives back every value it was given, in its section's order. */
class CountingSegmentTest {

  /** Writes every call as one line, so that two sinks can be compared. */
  private static final class Calls implements CountingSegment.Sink {
    final List<String> lines = new ArrayList<>();

    @Override
    public void event(
        long id,
        String type,
        long startDay,
        int startPrecision,
        long endDay,
        int endPrecision,
        String place,
        long next,
        long chainPerson) {
      lines.add(
          "event "
              + Arrays.asList(
                  id,
                  type,
                  startDay,
                  startPrecision,
                  endDay,
                  endPrecision,
                  place,
                  next,
                  chainPerson));
    }

    @Override
    public void chain(long event, long next, long person) {
      lines.add("chain " + event + " " + next + " " + person);
    }

    @Override
    public void told(long event, long source) {
      lines.add("told " + event + " " + source);
    }

    @Override
    public void act(
        long id,
        long event,
        long person,
        String group,
        int count,
        String type,
        long startDay,
        int startPrecision,
        long endDay,
        int endPrecision,
        String place,
        String perpetrator,
        long citedSource) {
      lines.add(
          "act "
              + Arrays.asList(
                  id,
                  event,
                  person,
                  group,
                  count,
                  type,
                  startDay,
                  startPrecision,
                  endDay,
                  endPrecision,
                  place,
                  perpetrator,
                  citedSource));
    }

    @Override
    public void perpetrator(long act, String type) {
      lines.add("perpetrator " + act + " " + type);
    }

    @Override
    public void cited(long act, long source) {
      lines.add("cited " + act + " " + source);
    }
  }

  @Test
  void givesBackWhatItWasGivenSectionBySection() {
    Random r = new Random(13);
    long base = 5_000_000_123L;
    CountingSegment.Encoder e = new CountingSegment.Encoder(base);
    Calls expected = new Calls();
    String[] types = {"arrest", "forced-return", "torture"};
    String[] places = {"kp.hamgyongbuk.hoeryong", "cn.jilin.yanbian.tumen", "th.bangkok"};
    List<Runnable> later = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      long id = base + i * 3L;
      // days before 1970 and after, every precision, ids far below the base and far above
      long start = r.nextInt(40_000) - 20_000;
      int sp = 1 + r.nextInt(3);
      long end = start + r.nextInt(400);
      int ep = 1 + r.nextInt(3);
      long next = r.nextBoolean() ? CountingSegment.NONE : id + 3;
      long person = next == CountingSegment.NONE ? CountingSegment.NONE : r.nextLong(1L << 50);
      String type = types[r.nextInt(3)];
      String place = places[r.nextInt(3)];
      e.event(id, type, start, sp, end, ep, place, next, person);
      expected.event(id, type, start, sp, end, ep, place, next, person);
      String group = r.nextInt(4) == 0 ? "트럭의 여성 " + i + " 卡车" : null;
      long victim = group == null ? r.nextLong(1L << 40) : CountingSegment.NONE;
      String perpetrator = r.nextBoolean() ? null : r.nextBoolean() ? "person" : "border-guard";
      long cited = r.nextInt(10) == 0 ? CountingSegment.NONE : 7 + r.nextInt(1000);
      int count = group == null ? 1 : 1 + r.nextInt(5000);
      e.act(id + 1, id, victim, group, count, type, start, sp, end, ep, place, perpetrator, cited);
      long actId = id + 1;
      later.add(
          () ->
              expected.act(
                  actId,
                  id,
                  victim,
                  group,
                  count,
                  type,
                  start,
                  sp,
                  end,
                  ep,
                  place,
                  perpetrator,
                  cited));
      if (i % 5 == 0) {
        e.chain(id, id + 6, 42);
        e.told(id, 1);
        e.perpetrator(id + 1, "public-security");
        e.cited(id + 1, 99);
        e.information(id + 2);
      }
    }
    for (int i = 0; i < 2_000; i += 5) {
      expected.chain(base + i * 3L, base + i * 3L + 6, 42);
    }
    for (int i = 0; i < 2_000; i += 5) {
      expected.told(base + i * 3L, 1);
    }
    later.forEach(Runnable::run);
    for (int i = 0; i < 2_000; i += 5) {
      expected.perpetrator(base + i * 3L + 1, "public-security");
    }
    for (int i = 0; i < 2_000; i += 5) {
      expected.cited(base + i * 3L + 1, 99);
    }
    assertThat(e.events()).isEqualTo(2_000);
    assertThat(e.acts()).isEqualTo(2_000);
    assertThat(e.chains()).isEqualTo(400);
    assertThat(e.information()).isEqualTo(400);
    assertThat(e.involvements()).isEqualTo(400);
    assertThat(e.citations()).isEqualTo(400);
    assertThat(e.minId()).isEqualTo(base);
    assertThat(e.maxId()).isEqualTo(base + 1999 * 3L + 1);

    byte[] data = e.bytes();
    Calls got = new Calls();
    CountingSegment.decode(data, got);
    assertThat(got.lines).isEqualTo(expected.lines);
    // the two halves that the reader replays on two threads: together the same calls, the event
    // sections' first, each half in its order
    Calls halves = new Calls();
    CountingSegment.decodeEvents(data, halves);
    CountingSegment.decodeActs(data, halves);
    assertThat(halves.lines).isEqualTo(expected.lines);
    // compact: a few bytes a value, not eight
    assertThat(data.length).isLessThan(2_000 * 60);
  }

  @Test
  void refusesASegmentCutShortOrWithBytesLeftOver() {
    CountingSegment.Encoder e = new CountingSegment.Encoder(0);
    e.event(1, "arrest", 11_000, 3, 11_000, 3, "cn.jilin.yanbian.tumen", 2, 3);
    byte[] data = e.bytes();
    assertThatThrownBy(
            () -> CountingSegment.decode(Arrays.copyOf(data, data.length - 1), new Calls()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cut short");
    assertThatThrownBy(
            () -> CountingSegment.decode(Arrays.copyOf(data, data.length + 1), new Calls()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("left over");
    assertThatThrownBy(
            () -> CountingSegment.decodeActs(Arrays.copyOf(data, data.length - 1), new Calls()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cut short");
    assertThatThrownBy(
            () -> CountingSegment.decodeActs(Arrays.copyOf(data, data.length + 1), new Calls()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("left over");
  }

  @Test
  void anEmptySaveMakesNoSegment() {
    CountingSegment.Encoder e = new CountingSegment.Encoder(0);
    assertThat(e.isEmpty()).isTrue();
    e.information(4);
    assertThat(e.isEmpty()).isFalse();
  }
}
