package org.tumen.link;

import java.util.List;

/**
 * The fitted model and how the candidate pairs were found.
 *
 * @param lambdaWithin prior probability that two random records of one list match
 * @param lambdaAcross prior probability that two random records of two lists match
 * @param fields per compared field, its m, u and weights
 * @param blockingRules the rules whose union gave the candidate pairs
 * @param candidatePairs distinct candidate pairs compared
 * @param notes how estimation went, warnings included
 */
public record ModelParameters(
    double lambdaWithin,
    double lambdaAcross,
    List<FieldParameters> fields,
    List<List<String>> blockingRules,
    long candidatePairs,
    List<String> notes) {
  public ModelParameters {
    fields = List.copyOf(fields);
    blockingRules = blockingRules.stream().map(List::copyOf).toList();
    notes = List.copyOf(notes);
  }
}
