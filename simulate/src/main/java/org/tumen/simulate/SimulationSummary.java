package org.tumen.simulate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a simulation wrote.
 *
 * @param population the number of people simulated (documented or not)
 * @param documented the people on at least one list
 * @param lists per list, in scenario order
 * @param truth the truth file ({@code list,rec_id,person_id})
 * @param readme the README saying the data are synthetic
 * @param scenario the scenario used, as JSON
 */
public record SimulationSummary(
    int population,
    long documented,
    List<ListSummary> lists,
    Path truth,
    Path readme,
    Path scenario) {

  public SimulationSummary {
    if (population < 0 || documented < 0 || documented > population) {
      throw new IllegalArgumentException("need 0 <= documented <= population");
    }
    lists = List.copyOf(lists);
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(readme, "readme");
    Objects.requireNonNull(scenario, "scenario");
  }

  /**
   * One list's output.
   *
   * @param name the list's name
   * @param file its CSV file
   * @param records rows written, duplicates included
   * @param people distinct people on the list
   */
  public record ListSummary(String name, Path file, long records, long people) {
    public ListSummary {
      if (people < 0 || records < people) {
        throw new IllegalArgumentException("a list has at least as many records as people");
      }
    }
  }

  /** All records of all lists. */
  public long records() {
    return lists.stream().mapToLong(ListSummary::records).sum();
  }
}
