package org.tumen.document.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.tumen.document.SimulatedWitnesses;
import org.tumen.document.event.EventClusters;
import org.tumen.document.event.EventDeduplicator;
import org.tumen.document.event.IndexedClusters;
import org.tumen.document.event.ReferenceDeduplicator;
import org.tumen.model.documentation.CountingRecords;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.PlaceLevel;

/**
 * The columnar de-duplication and counting give exactly what the straightforward implementations
 * ({@link ReferenceDeduplicator}, {@link ReferenceCounter}) give, on random inputs.
 */
class FastPathAgreementTest {

  private static final Gazetteer G = Gazetteer.standard();

  private static final List<List<Dimension>> TABLES =
      List.of(
          List.of(),
          List.of(Dimension.actType()),
          List.of(Dimension.period(Period.MONTH)),
          List.of(Dimension.period(Period.QUARTER)),
          List.of(Dimension.period(Period.YEAR), Dimension.place(PlaceLevel.REGION)),
          List.of(Dimension.perpetratorType(), Dimension.actType()),
          List.of(Dimension.place(PlaceLevel.DISTRICT), Dimension.perpetratorType()),
          List.of(Dimension.place(PlaceLevel.SUBDISTRICT)));

  @Property(tries = 40)
  void deduplicationAgreesOnSimulatedWitnesses(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 150) int groups,
      @ForAll @DoubleRange(min = 0.2, max = 1.0) double interviewRate) {
    Documentation d = new SimulatedWitnesses(seed, interviewRate).generate(groups).documentation();
    EventClusters fast = new EventDeduplicator(G).deduplicate(d);
    EventClusters reference = new ReferenceDeduplicator(G).deduplicate(d);
    assertThat(fast.clusterOf()).isEqualTo(reference.clusterOf());
    assertThat(new HashSet<>(fast.review())).isEqualTo(new HashSet<>(reference.review()));
    assertThat(fast.review()).hasSameSizeAs(reference.review());
    sameCounts(d, fast);
    // the columns from the graph, de-duplicated by number, give the same clusters
    CountingRecords r = CountingRecords.of(d);
    IndexedClusters indexed = new EventDeduplicator(G).deduplicate(r);
    assertThat(indexed.labelled(r).clusterOf()).isEqualTo(reference.clusterOf());
    Counter byNumber = new Counter(r, indexed, G);
    Counter byId = new Counter(d, reference, G);
    for (List<Dimension> dims : TABLES) {
      for (Unit u : Unit.values()) {
        assertThat(byNumber.table(u, dims)).isEqualTo(byId.table(u, dims));
      }
    }
    assertThat(byNumber.acts()).isEqualTo(byId.acts());
  }

  @Property(tries = 200)
  void deduplicationAndCountsAgreeOnRandomDocumentation(@ForAll long seed) {
    Documentation d = CounterTest.random(new Random(seed));
    EventClusters fast = new EventDeduplicator(G).deduplicate(d);
    EventClusters reference = new ReferenceDeduplicator(G).deduplicate(d);
    assertThat(fast.clusterOf()).isEqualTo(reference.clusterOf());
    assertThat(new HashSet<>(fast.review())).isEqualTo(new HashSet<>(reference.review()));
    sameCounts(d, fast);
    // and with clusters that are not a de-duplication's: any grouping of the records
    Random r = new Random(seed ^ 0x5DEECE66DL);
    Map<String, String> clusterOf = new HashMap<>();
    List<String> ids = d.events().stream().map(Event::id).toList();
    for (String id : ids) {
      clusterOf.put(id, ids.get(r.nextInt(ids.indexOf(id) + 1)));
    }
    sameCounts(d, new EventClusters(clusterOf, List.of()));
  }

  private static void sameCounts(Documentation d, EventClusters clusters) {
    Counter fast = new Counter(d, clusters, G);
    ReferenceCounter reference = new ReferenceCounter(d, clusters, G);
    List<CountTable> a = new ArrayList<>();
    List<CountTable> b = new ArrayList<>();
    for (List<Dimension> dims : TABLES) {
      for (Unit u : Unit.values()) {
        a.add(fast.table(u, dims));
        b.add(reference.table(u, dims));
      }
    }
    assertThat(a).isEqualTo(b);
    assertThat(fast.acts()).isEqualTo(reference.acts());
  }
}
