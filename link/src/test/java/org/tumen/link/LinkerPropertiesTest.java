package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tumen.model.Progress;

/** Invariants of linking that hold for any input. */
class LinkerPropertiesTest {

  private static final List<String> HEADERS =
      List.of("rec_id", "surname", "given_name", "sex", "birth_date", "birthplace");
  private static final String[] SURNAMES = {"Kim", "Lee", "Park", "Choi", "Jung", "Han", "Ri"};
  private static final String[] GIVEN = {"Sun-hui", "Young-ho", "Min", "Chol", "Ok-hwa", "Il"};
  private static final String[] PLACES = {"North Hamgyong", "Ryanggang", "South Pyongan", ""};

  /** Two lists of random people; the second holds exact copies of some of the first's rows. */
  static List<SourceTable> lists(long seed, int size) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    List<List<String>> a = new ArrayList<>();
    List<List<String>> b = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      List<String> row =
          List.of(
              "a" + i,
              SURNAMES[rnd.nextInt(SURNAMES.length)],
              GIVEN[rnd.nextInt(GIVEN.length)],
              rnd.nextBoolean() ? "F" : "M",
              rnd.nextInt(10) == 0
                  ? ""
                  : String.format(
                      "%d-%02d-%02d",
                      1950 + rnd.nextInt(40), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)),
              PLACES[rnd.nextInt(PLACES.length)]);
      a.add(row);
      if (rnd.nextInt(3) == 0) {
        List<String> copy = new ArrayList<>(row);
        copy.set(0, "b" + i);
        b.add(copy);
      } else {
        b.add(
            List.of(
                "b" + i,
                SURNAMES[rnd.nextInt(SURNAMES.length)],
                GIVEN[rnd.nextInt(GIVEN.length)],
                rnd.nextBoolean() ? "F" : "M",
                String.format("%d", 1950 + rnd.nextInt(40)),
                ""));
      }
    }
    return List.of(new SourceTable("list_a", HEADERS, a), new SourceTable("list_b", HEADERS, b));
  }

  private static LinkResult link(List<SourceTable> t) {
    return new Linker().withThreads(1).link(t, LinkSpec.infer(t), Progress.NONE);
  }

  @Property(tries = 10)
  void theSameResultOnAnyNumberOfThreads(
      @ForAll long seed, @ForAll @IntRange(min = 5, max = 300) int size) {
    List<SourceTable> t = lists(seed, size);
    LinkResult one = link(t);
    LinkResult three = new Linker().withThreads(3).link(t, LinkSpec.infer(t), Progress.NONE);
    // Pairs are visited in chunks of blocks, one visitor per chunk, merged in block order.
    assertThat(three.pairA).isEqualTo(one.pairA);
    assertThat(three.pairB).isEqualTo(one.pairB);
    assertThat(three.pairWeight).isEqualTo(one.pairWeight);
    assertThat(three.cluster).isEqualTo(one.cluster);
    int[] bounds = one.blocking.chunkBounds(7);
    assertThat(bounds[0]).isZero();
    for (int i = 1; i < bounds.length; i++) {
      assertThat(bounds[i]).isGreaterThan(bounds[i - 1]);
    }
    assertThat(bounds.length).isBetween(2, 8);
  }

  @Property(tries = 10)
  void keptPairsScoreAsPairsComparedAgain(
      @ForAll long seed, @ForAll @IntRange(min = 5, max = 300) int size) {
    List<SourceTable> t = lists(seed, size);
    LinkResult kept = link(t);
    LinkResult again =
        new Linker().withThreads(2).withPairMemory(0).link(t, LinkSpec.infer(t), Progress.NONE);
    // Five records may share no blocking key: then nothing is compared, kept or compared again.
    if (kept.pairA.length > 0) {
      assertThat(again.model().notes()).anyMatch(n -> n.contains("compared again for scoring"));
    }
    assertThat(kept.model().notes()).noneMatch(n -> n.contains("compared again for scoring"));
    assertThat(again.pairA).isEqualTo(kept.pairA);
    assertThat(again.pairB).isEqualTo(kept.pairB);
    assertThat(again.pairWeight).isEqualTo(kept.pairWeight);
    assertThat(again.cluster).isEqualTo(kept.cluster);
  }

  @Property(tries = 15)
  void clustersPartitionTheRecords(
      @ForAll long seed, @ForAll @IntRange(min = 5, max = 40) int size) {
    List<SourceTable> t = lists(seed, size);
    LinkResult r = link(t);
    assertThat(r.size()).isEqualTo(2 * size);
    Set<RecordRef> seen = new HashSet<>();
    for (List<RecordRef> cluster : r.clusters()) {
      assertThat(cluster).isNotEmpty();
      for (RecordRef ref : cluster) {
        assertThat(seen.add(ref)).as("%s in two clusters", ref).isTrue();
      }
    }
    assertThat(seen).hasSize(2 * size);
  }

  @Property(tries = 15)
  void aRecordMatchesItsCopyAndWeightsAreSymmetric(
      @ForAll long seed, @ForAll @IntRange(min = 5, max = 40) int size) {
    List<SourceTable> t = lists(seed, size);
    LinkResult r = link(t);
    for (int i = 0; i < size; i++) {
      RecordRef a = new RecordRef("list_a", "a" + i);
      RecordRef b = new RecordRef("list_b", "b" + i);
      Explanation ab = r.explain(a, b);
      Explanation ba = r.explain(b, a);
      assertThat(ab.pair().weight()).isCloseTo(ba.pair().weight(), within(1e-9));
      assertThat(ab.pair().weight())
          .isCloseTo(
              ab.prior() + ab.fields().stream().mapToDouble(FieldEvidence::weight).sum(),
              within(1e-9));
      if (t.get(0).rows().get(i).subList(1, 6).equals(t.get(1).rows().get(i).subList(1, 6))) {
        // A record and its copy agree at the top level on every field both hold, and the copy is
        // at least as good a match for it as any other record, field by field and in all. (On
        // five records the term-frequency adjustment once put agreement on a very common surname
        // below disagreement: seed -1708, size 5, kept as an example below.)
        assertThat(ab.fields()).allSatisfy(e -> assertThat(e.level()).isIn("exact", "missing"));
        for (int j = 0; j < size; j++) {
          Explanation other = r.explain(a, new RecordRef("list_b", "b" + j));
          assertThat(ab.pair().weight()).isGreaterThanOrEqualTo(other.pair().weight() - 1e-9);
          for (int f = 0; f < ab.fields().size(); f++) {
            if (!ab.fields().get(f).level().equals("missing")
                && !other.fields().get(f).level().equals("missing")) {
              assertThat(ab.fields().get(f).weight())
                  .as("field %s of a%d: copy against b%d", ab.fields().get(f).field(), i, j)
                  .isGreaterThanOrEqualTo(other.fields().get(f).weight() - 1e-9);
            }
          }
        }
      }
    }
  }

  @Example
  void theCommonSurnameOfFiveRecords() {
    aRecordMatchesItsCopyAndWeightsAreSymmetric(-1708, 5);
    agreementNeverWeighsLessThanDisagreement(-1708, 5);
  }

  /**
   * On every field, any agreement between any two records weighs at least as much as any
   * disagreement on it, whatever the values' frequencies; and no level of a pair weighs more than
   * agreement on the commoner of its two values (ordered fields: names, places, sex, codes).
   */
  @Property(tries = 15)
  void agreementNeverWeighsLessThanDisagreement(
      @ForAll long seed, @ForAll @IntRange(min = 5, max = 40) int size) {
    List<SourceTable> t = lists(seed, size);
    LinkResult r = link(t);
    Records rs = r.rs;
    Model model = r.model;
    Comparison cmp = new Comparison(rs);
    for (int f = 0; f < rs.fields.size(); f++) {
      Field.Kind kind = rs.field(f).kind();
      double mostAgainst = Double.NEGATIVE_INFINITY;
      double leastFor = Double.POSITIVE_INFINITY;
      for (int a = 0; a < rs.n; a++) {
        for (int b = a; b < rs.n; b++) {
          int level = cmp.level(f, a, b);
          if (level == Field.MISSING) {
            continue;
          }
          double x = model.fieldWeight(f, level, a, b);
          assertThat(x).isCloseTo(model.fieldWeight(f, level, b, a), within(1e-12));
          if (disagreement(kind, level)) {
            mostAgainst = Math.max(mostAgainst, x);
          } else if (agreement(kind, level)) {
            leastFor = Math.min(leastFor, x);
          }
          if (kind != Field.Kind.DATE && b != a) {
            double agreeA = model.fieldWeight(f, cmp.level(f, a, a), a, a);
            double agreeB = model.fieldWeight(f, cmp.level(f, b, b), b, b);
            assertThat(x)
                .as("field %s, records %d and %d at level %d", rs.field(f).name(), a, b, level)
                .isLessThanOrEqualTo(Math.min(agreeA, agreeB) + 1e-9);
          }
        }
      }
      assertThat(leastFor)
          .as("field %s: the weakest agreement against the strongest disagreement", kind)
          .isGreaterThanOrEqualTo(mostAgainst - 1e-9);
    }
  }

  /**
   * Dates: the exact date and agreement to the month or year; a date's other levels are neither.
   */
  private static boolean agreement(Field.Kind kind, int level) {
    if (kind == Field.Kind.DATE) {
      return level == 0
          || level >= Comparison.DATE_SAME_MONTH_PARTIAL && level <= Comparison.DATE_YEAR_2_PARTIAL;
    }
    return level < kind.levels() - 1;
  }

  private static boolean disagreement(Field.Kind kind, int level) {
    if (kind == Field.Kind.DATE) {
      return level == Comparison.DATE_DIFFERENT || level == Comparison.DATE_DIFFERENT_FULL;
    }
    return level == kind.levels() - 1;
  }
}
