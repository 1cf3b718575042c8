package org.tumen.document.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of de-duplication: each event record's cluster (the id of the cluster's first record),
 * and the pairs left for review.
 */
public record EventClusters(Map<String, String> clusterOf, List<EventPair> review) {

  public EventClusters {
    clusterOf = Map.copyOf(clusterOf);
    review = List.copyOf(review);
  }

  /** Every record its own event: no de-duplication. */
  public static EventClusters none(Iterable<String> eventIds) {
    Map<String, String> m = new LinkedHashMap<>();
    eventIds.forEach(id -> m.put(id, id));
    return new EventClusters(m, List.of());
  }

  /** The cluster of an event record. */
  public String cluster(String eventId) {
    String c = clusterOf.get(eventId);
    if (c == null) {
      throw new IllegalArgumentException("unknown event " + eventId);
    }
    return c;
  }

  /** The clusters, each a list of event ids. */
  public List<List<String>> clusters() {
    Map<String, List<String>> by = new LinkedHashMap<>();
    clusterOf.forEach((e, c) -> by.computeIfAbsent(c, k -> new ArrayList<>()).add(e));
    return List.copyOf(by.values());
  }
}
