package org.tumen.report.publication;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a report's numbers come from, as the workspace recorded it: the methods appendix is written
 * from this and nothing else.
 *
 * @param lists records per list, in the order stored
 * @param linkage the saved linkage runs, newest last, as their makers described them
 * @param documentation what documentation the counts rest on (sources, events, acts as stored)
 * @param vocabularies the versions of the vocabularies and gazetteer used
 * @param softwareVersion this Tumen's version
 * @param madeOn the day the report was made
 */
public record Provenance(
    Map<String, Long> lists,
    List<LinkageRunView> linkage,
    Map<String, Long> documentation,
    Map<String, Integer> vocabularies,
    String softwareVersion,
    LocalDate madeOn) {

  /** A saved linkage run: what it assigned and how it was made. */
  public record LinkageRunView(
      String id, String description, long records, long clusters, String createdAt) {}

  public Provenance {
    lists = Collections.unmodifiableMap(new LinkedHashMap<>(lists));
    linkage = List.copyOf(linkage);
    documentation = Collections.unmodifiableMap(new LinkedHashMap<>(documentation));
    vocabularies = Collections.unmodifiableMap(new TreeMap<>(vocabularies));
    Objects.requireNonNull(softwareVersion);
    Objects.requireNonNull(madeOn);
  }
}
