package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tumen.model.Progress;

/** Reviewers' decisions as constraints on the clustering. All records are synthetic. */
class DecisionsTest {

  private static final RecordRef A = new RecordRef("list_a", "a0");

  private static LinkResult link(List<SourceTable> t, List<LabelledPair> decided) {
    return new Linker()
        .withThreads(1)
        .withDraws(4)
        .withDecisions(decided)
        .link(t, LinkSpec.infer(t), Progress.NONE);
  }

  private static int index(LinkResult r, RecordRef ref) {
    return r.records().indexOf(ref);
  }

  private static boolean together(LinkResult r, RecordRef x, RecordRef y) {
    return r.clusterOf(index(r, x)) == r.clusterOf(index(r, y));
  }

  private static boolean togetherInDraw(LinkResult r, int d, RecordRef x, RecordRef y) {
    return r.drawnClusterOf(d, index(r, x)) == r.drawnClusterOf(d, index(r, y));
  }

  /** Three lists: the second and third hold copies of some of the first's people. */
  private static List<SourceTable> threeLists(long seed, int size) {
    List<SourceTable> two = LinkerPropertiesTest.lists(seed, size);
    List<List<String>> c = new ArrayList<>();
    for (List<String> row : two.get(0).rows()) {
      List<String> copy = new ArrayList<>(row);
      copy.set(0, "c" + row.get(0).substring(1));
      c.add(copy);
    }
    return List.of(two.get(0), two.get(1), new SourceTable("list_c", two.get(0).headers(), c));
  }

  @Test
  void aPairTheModelWouldNotLinkDecidedSameEndsInOneCluster() {
    List<SourceTable> t = LinkerPropertiesTest.lists(11, 60);
    LinkResult model = link(t, List.of());
    // the pair the model thinks least alike: a0 against the list_b record furthest from it
    RecordRef far = null;
    double lowest = Double.POSITIVE_INFINITY;
    for (int j = 0; j < 60; j++) {
      RecordRef b = new RecordRef("list_b", "b" + j);
      double w = model.explain(A, b).pair().weight();
      if (w < lowest) {
        lowest = w;
        far = b;
      }
    }
    assertThat(model.explain(A, far).pair().probability()).isLessThan(0.01);
    assertThat(together(model, A, far)).isFalse();

    LinkResult decided = link(t, List.of(new LabelledPair(A, far, true)));
    assertThat(together(decided, A, far)).isTrue();
    for (int d = 0; d < decided.drawCount(); d++) {
      assertThat(togetherInDraw(decided, d, A, far)).as("draw %d", d).isTrue();
    }
    assertThat(decided.model().notes())
        .anyMatch(n -> n.startsWith("decisions: 1 same (the model alone scores 0 of them"));
    // a decided pair is not asked again, and the pairs file says it is certain
    RecordRef farB = far;
    assertThat(decided.review())
        .noneMatch(r -> r.pair().a().equals(A) && r.pair().b().equals(farB));
    assertThat(decided.pairs())
        .filteredOn(p -> p.a().equals(A) && p.b().equals(farB))
        .singleElement()
        .satisfies(p -> assertThat(p.probability()).isEqualTo(1.0));
  }

  @Test
  void aPairTheModelLinksDecidedDifferentIsNeverLinked() {
    List<SourceTable> t = LinkerPropertiesTest.lists(11, 60);
    LinkResult model = link(t, List.of());
    RecordRef copy = firstLinkedCopy(t, model);
    LinkResult decided = link(t, List.of(new LabelledPair(copy, twin(copy), false)));
    assertThat(together(decided, copy, twin(copy))).isFalse();
    for (int d = 0; d < decided.drawCount(); d++) {
      assertThat(togetherInDraw(decided, d, copy, twin(copy))).as("draw %d", d).isFalse();
    }
    assertThat(decided.pairs()).noneMatch(p -> p.a().equals(copy) && p.b().equals(twin(copy)));
  }

  @Test
  void aClusterThatWouldJoinTwoRecordsDecidedDifferentIsSplit() {
    List<SourceTable> t = threeLists(5, 60);
    LinkResult model = link(t, List.of());
    RecordRef a = firstLinkedCopy(t, model);
    RecordRef b = twin(a);
    RecordRef c = new RecordRef("list_c", "c" + a.id().substring(1));
    assertThat(together(model, a, b) && together(model, a, c)).isTrue();

    LinkResult decided = link(t, List.of(new LabelledPair(a, c, false)));
    assertThat(together(decided, a, c)).isFalse();
    // b, an exact copy of both, still goes with one of them
    assertThat(together(decided, a, b) || together(decided, b, c)).isTrue();
  }

  @Test
  void contradictoryDecisionsKeepTheDifferentAndSetTheSameAside() {
    List<SourceTable> t = threeLists(5, 60);
    LinkResult model = link(t, List.of());
    RecordRef a = firstLinkedCopy(t, model);
    RecordRef b = twin(a);
    RecordRef c = new RecordRef("list_c", "c" + a.id().substring(1));
    LinkResult r =
        link(
            t,
            List.of(
                new LabelledPair(a, b, true),
                new LabelledPair(b, c, true),
                new LabelledPair(a, c, false)));
    assertThat(together(r, a, c)).isFalse();
    assertThat(r.model().notes()).anyMatch(n -> n.contains("decisions contradict one another"));
  }

  /** The first record of list_a whose exact copy in list_b the model links to it. */
  private static RecordRef firstLinkedCopy(List<SourceTable> t, LinkResult r) {
    for (int i = 0; i < t.get(0).rows().size(); i++) {
      RecordRef a = new RecordRef("list_a", "a" + i);
      if (t.get(0).rows().get(i).subList(1, 6).equals(t.get(1).rows().get(i).subList(1, 6))
          && together(r, a, twin(a))) {
        return a;
      }
    }
    throw new AssertionError("no linked copy in the fixture");
  }

  private static RecordRef twin(RecordRef a) {
    return new RecordRef("list_b", "b" + a.id().substring(1));
  }

  @Property(tries = 12)
  void decisionsHoldAndTheirOrderAndRepeatsChangeNothing(
      @ForAll long seed,
      @ForAll @IntRange(min = 10, max = 40) int size,
      @ForAll @IntRange(min = 1, max = 25) int count) {
    List<SourceTable> t = threeLists(seed, size);
    Random rnd = new Random(seed);
    List<RecordRef> refs = new ArrayList<>();
    for (SourceTable s : t) {
      for (List<String> row : s.rows()) {
        refs.add(new RecordRef(s.name(), row.get(0)));
      }
    }
    List<LabelledPair> decided = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      RecordRef x = refs.get(rnd.nextInt(refs.size()));
      RecordRef y = refs.get(rnd.nextInt(refs.size()));
      if (!x.equals(y)) {
        decided.add(new LabelledPair(x, y, rnd.nextBoolean()));
      }
    }
    LinkResult once = link(t, decided);
    List<LabelledPair> shuffledTwice = new ArrayList<>(decided);
    shuffledTwice.addAll(decided);
    Collections.shuffle(shuffledTwice, rnd);
    List<LabelledPair> reversed = new ArrayList<>();
    for (LabelledPair p : decided) {
      reversed.add(0, new LabelledPair(p.b(), p.a(), p.match()));
    }
    for (List<LabelledPair> other : List.of(shuffledTwice, reversed)) {
      LinkResult again = link(t, other);
      assertThat(again.cluster).isEqualTo(once.cluster);
      for (int d = 0; d < once.drawCount(); d++) {
        assertThat(again.draws[d]).isEqualTo(once.draws[d]);
      }
    }
    for (LabelledPair p : decided) {
      if (!p.match()) {
        assertThat(together(once, p.a(), p.b())).as("%s decided different", p).isFalse();
      } else if (!contradicted(decided, p)) {
        assertThat(together(once, p.a(), p.b())).as("%s decided same", p).isTrue();
      }
    }
  }

  /** Whether the "same" decisions joining p's records also join a pair decided different. */
  private static boolean contradicted(List<LabelledPair> decided, LabelledPair p) {
    java.util.Map<RecordRef, RecordRef> parent = new java.util.HashMap<>();
    java.util.function.UnaryOperator<RecordRef>[] find = new java.util.function.UnaryOperator[1];
    find[0] =
        x -> {
          RecordRef up = parent.getOrDefault(x, x);
          return up.equals(x) ? x : find[0].apply(up);
        };
    for (LabelledPair q : decided) {
      if (q.match()) {
        RecordRef ra = find[0].apply(q.a());
        RecordRef rb = find[0].apply(q.b());
        if (!ra.equals(rb)) {
          parent.put(ra, rb);
        }
      }
    }
    RecordRef group = find[0].apply(p.a());
    return decided.stream()
        .anyMatch(
            q ->
                !q.match()
                    && find[0].apply(q.a()).equals(group)
                    && find[0].apply(q.b()).equals(group));
  }
}
