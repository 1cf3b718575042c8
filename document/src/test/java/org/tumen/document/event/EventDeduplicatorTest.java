package org.tumen.document.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tumen.document.SimulatedWitnesses;
import org.tumen.model.place.Gazetteer;

class EventDeduplicatorTest {

  /** Pairwise precision and recall of "same event" against the simulator's truth. */
  record Quality(
      long truePairs, long foundPairs, long correctPairs, int reviewPairs, int reviewTrue) {
    double precision() {
      return foundPairs == 0 ? 1 : (double) correctPairs / foundPairs;
    }

    double recall() {
      return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
    }
  }

  static Quality measure(SimulatedWitnesses.Result sim, EventClusters clusters) {
    Map<String, String> truth = sim.trueEventOf();
    List<String> ids = List.copyOf(truth.keySet());
    long truePairs = pairsWithin(ids, truth);
    long foundPairs = pairsWithin(ids, clusters.clusterOf());
    long correct = 0;
    Map<String, java.util.List<String>> byBoth = new java.util.HashMap<>();
    for (String id : ids) {
      byBoth
          .computeIfAbsent(
              truth.get(id) + "|" + clusters.cluster(id), k -> new java.util.ArrayList<>())
          .add(id);
    }
    for (List<String> g : byBoth.values()) {
      correct += (long) g.size() * (g.size() - 1) / 2;
    }
    int reviewTrue = 0;
    for (EventPair p : clusters.review()) {
      if (truth.get(p.a()).equals(truth.get(p.b()))) {
        reviewTrue++;
      }
    }
    return new Quality(truePairs, foundPairs, correct, clusters.review().size(), reviewTrue);
  }

  private static long pairsWithin(List<String> ids, Map<String, String> groupOf) {
    Map<String, Long> sizes = new java.util.HashMap<>();
    for (String id : ids) {
      sizes.merge(groupOf.get(id), 1L, Long::sum);
    }
    return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {13, 14, 15, 16, 17})
  void findsTheSameEventToldBySeveralWitnessesWithPrecisionAndRecallAbove095(long seed) {
    SimulatedWitnesses.Result sim = new SimulatedWitnesses(seed, 0.6).generate(3000);
    EventClusters clusters =
        new EventDeduplicator(Gazetteer.standard()).deduplicate(sim.documentation());
    Quality q = measure(sim, clusters);
    System.out.printf(
        "event de-duplication, seed %d: %d records, %d true pairs, %d found, precision %.4f,"
            + " recall %.4f, review %d pairs (%d same event)%n",
        seed,
        sim.trueEventOf().size(),
        q.truePairs(),
        q.foundPairs(),
        q.precision(),
        q.recall(),
        q.reviewPairs(),
        q.reviewTrue());
    assertThat(q.truePairs()).isGreaterThan(1000);
    assertThat(q.precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(q.recall()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void withoutDeduplicationEveryWitnessAccountIsItsOwnEvent() {
    SimulatedWitnesses.Result sim = new SimulatedWitnesses(7, 0.6).generate(300);
    EventClusters none = EventClusters.none(sim.trueEventOf().keySet());
    Quality q = measure(sim, none);
    assertThat(q.recall()).isZero(); // the baseline the test above must beat
  }
}
