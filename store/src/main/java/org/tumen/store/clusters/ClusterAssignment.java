package org.tumen.store.clusters;

import java.util.Objects;

/**
 * One record's place in a linkage run: the row {@code source,record_id,cluster_id} of a clusters
 * file (DESIGN.md, file formats).
 *
 * @param list the list's name
 * @param recordId the record's id in that list
 * @param clusterId the cluster it was linked into; records with the same cluster id are one person
 */
public record ClusterAssignment(String list, String recordId, String clusterId) {
  public ClusterAssignment {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(clusterId, "clusterId");
    if (clusterId.isEmpty() || clusterId.length() > 100) {
      throw new IllegalArgumentException("a cluster id has 1 to 100 characters");
    }
  }
}
