package org.tumen.estimate.loglinear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;

/** When a heterogeneity column can be told from a model's interactions. */
class HeterogeneityBaseTest {

  @Test
  void aModelWithEveryPairThatSharesPeopleCannotTellHeterogeneity() {
    // three lists; lists 1 and 3 share no one
    long[] counts = new long[8];
    counts[0b001] = 50;
    counts[0b010] = 40;
    counts[0b100] = 30;
    counts[0b011] = 10;
    counts[0b110] = 8;
    CaptureTable t = new CaptureTable(List.of("a", "b", "c"), counts);
    long sharing = ModelAveraging.sharingPairs(t);
    assertThat(ModelAveraging.identifiesHeterogeneity(Model.parse("Mt+[1,2]+[2,3]", 3), sharing))
        .isFalse();
    // [1,3] shares no one: its term adds nothing on the cells with people
    assertThat(
            ModelAveraging.identifiesHeterogeneity(Model.parse("Mt+[1,2]+[1,3]+[2,3]", 3), sharing))
        .isFalse();
    assertThat(ModelAveraging.identifiesHeterogeneity(Model.parse("Mt+[1,2]", 3), sharing))
        .isTrue();
    assertThat(ModelAveraging.identifiesHeterogeneity(Model.parse("Mt", 3), sharing)).isTrue();
    // people on one and on two lists: two capture counts
    assertThat(ModelAveraging.capturesSeen(t)).isEqualTo(2);
  }

  @Test
  void aThreeListTermCoversItsPairs() {
    long[] counts = new long[8];
    for (int p = 1; p < 8; p++) {
      counts[p] = 10 + p;
    }
    CaptureTable t = new CaptureTable(List.of("a", "b", "c"), counts);
    long sharing = ModelAveraging.sharingPairs(t);
    assertThat(ModelAveraging.capturesSeen(t)).isEqualTo(3);
    assertThat(
            ModelAveraging.identifiesHeterogeneity(
                Model.parse("Mt+[1,2]+[1,3]+[2,3]+[1,2,3]", 3), sharing))
        .isFalse();
    assertThat(ModelAveraging.identifiesHeterogeneity(Model.parse("Mt+[1,2]+[1,3]", 3), sharing))
        .isTrue();
  }
}
