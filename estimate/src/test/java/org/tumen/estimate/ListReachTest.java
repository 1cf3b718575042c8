package org.tumen.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListReachTest {
  private static final List<String> LISTS = List.of("church", "ngo", "returnees", "seoul");

  /** Counts by pattern over {@link #LISTS} (bit 0 = church, bit 3 = seoul). */
  private static CaptureTable table(long shared34) {
    long[] c = new long[16];
    c[0b0001] = 500; // church
    c[0b0010] = 400; // ngo
    c[0b0011] = 100; // church, ngo
    c[0b0100] = 300; // returnees
    c[0b0101] = 40;
    c[0b0110] = 30;
    c[0b0111] = 10;
    c[0b1000] = 350; // seoul
    c[0b1001] = 60;
    c[0b1010] = 50;
    c[0b1011] = 20;
    c[0b1100] = shared34; // returnees and seoul
    return new CaptureTable(LISTS, c);
  }

  @Test
  void listsThatShareNoOneSeeDifferentPartsAndTheOthersSeeEveryone() {
    ListReach r = ListReach.of(table(0));
    assertThat(r.structural()).isTrue();
    assertThat(r.disjoint()).containsExactly(List.of("returnees", "seoul"));
    assertThat(r.seeingAll()).containsExactly("church", "ngo");
    assertThat(r.partSeenByTwoListsAtMost()).isTrue();
    assertThat(r.describeDisjoint()).isEqualTo("returnees and seoul");
  }

  /** A few false links between disjoint lists do not hide the structure; a real overlap does. */
  @Test
  void aFewSharedPeopleAreLinkageErrorsManyAreAnOverlap() {
    // returnees has 380 people: up to 3.8 shared count as linkage errors
    assertThat(ListReach.of(table(3)).structural()).isTrue();
    assertThat(ListReach.of(table(4)).structural()).isFalse();
    ListReach overlapping = ListReach.of(table(40));
    assertThat(overlapping.seeingAll()).containsExactlyElementsOf(LISTS);
    assertThat(overlapping.partSeenByTwoListsAtMost()).isFalse();
  }

  @Test
  void anEmptyListIsNoStructure() {
    long[] c = new long[8];
    c[0b001] = 100;
    c[0b010] = 80;
    c[0b011] = 20;
    ListReach r = ListReach.of(new CaptureTable(List.of("a", "b", "c"), c));
    assertThat(r.structural()).isFalse();
    assertThat(r.seeingAll()).containsExactly("a", "b");
  }

  @Test
  void threeListsSeeingEveryoneAreEnough() {
    long[] c = new long[32];
    for (int p = 1; p < 32; p++) {
      // lists 3 and 4 (bits 3, 4) never together; lists 0–2 overlap everything
      c[p] = (p & 0b11000) == 0b11000 ? 0 : 50;
    }
    ListReach r = ListReach.of(new CaptureTable(List.of("a", "b", "c", "d", "e"), c));
    assertThat(r.structural()).isTrue();
    assertThat(r.seeingAll()).containsExactly("a", "b", "c");
    assertThat(r.partSeenByTwoListsAtMost()).isFalse();
  }
}
