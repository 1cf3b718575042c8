package org.tumen.document.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tumen.model.documentation.CountingRecords;

/**
 * De-duplication by record number ({@link EventDeduplicator#deduplicate(CountingRecords)}): each
 * event record's cluster, as the number of the cluster's first record, and the pairs left for
 * review.
 */
public final class IndexedClusters {

  private final int[] cluster;
  private final long[] reviewPairs;
  private final int[] reviewScores;
  private final int[] reviewShared;

  IndexedClusters(int[] cluster, long[] reviewPairs, int[] reviewScores, int[] reviewShared) {
    this.cluster = cluster;
    this.reviewPairs = reviewPairs;
    this.reviewScores = reviewScores;
    this.reviewShared = reviewShared;
  }

  /** Every record its own event. */
  public static IndexedClusters none(int records) {
    int[] c = new int[records];
    for (int i = 0; i < records; i++) {
      c[i] = i;
    }
    return new IndexedClusters(c, new long[0], new int[0], new int[0]);
  }

  /** The number of event records. */
  public int records() {
    return cluster.length;
  }

  /** The cluster of a record: the number of its first record. */
  public int cluster(int record) {
    return cluster[record];
  }

  /** The number of clusters (events). */
  public int count() {
    int n = 0;
    for (int i = 0; i < cluster.length; i++) {
      if (cluster[i] == i) {
        n++;
      }
    }
    return n;
  }

  /** The number of pairs left for review. */
  public int reviewSize() {
    return reviewPairs.length;
  }

  /** The same, with the records named by their labels in {@code r}. */
  public EventClusters labelled(CountingRecords r) {
    Map<String, String> clusterOf = new LinkedHashMap<>();
    for (int e = 0; e < cluster.length; e++) {
      clusterOf.put(r.eventLabel(e), r.eventLabel(cluster[e]));
    }
    List<EventPair> review = new ArrayList<>(reviewPairs.length);
    for (int k = 0; k < reviewPairs.length; k++) {
      review.add(
          new EventPair(
              r.eventLabel((int) (reviewPairs[k] >>> 32)),
              r.eventLabel((int) reviewPairs[k]),
              reviewScores[k],
              reviewShared[k]));
    }
    return new EventClusters(clusterOf, review);
  }
}
