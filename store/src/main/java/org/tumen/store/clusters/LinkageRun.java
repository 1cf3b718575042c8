package org.tumen.store.clusters;

import java.time.Instant;
import java.util.Objects;

/**
 * A saved linkage run.
 *
 * @param id its id in the workspace
 * @param description how it was made (spec, thresholds, software version), as its maker wrote it
 * @param createdAt when it was saved
 * @param records how many records it assigned
 * @param clusters how many clusters (people, as linked) it found
 */
public record LinkageRun(
    long id, String description, Instant createdAt, long records, long clusters) {
  public LinkageRun {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(createdAt, "createdAt");
    if (clusters > records || clusters < 0) {
      throw new IllegalArgumentException("0 <= clusters <= records");
    }
  }
}
