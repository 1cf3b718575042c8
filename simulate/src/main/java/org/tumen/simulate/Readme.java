package org.tumen.simulate;

import java.util.List;

/** The README.txt of a simulation's output: what the files are, and that none of it is real. */
final class Readme {
  private Readme() {}

  static String text(
      Scenario scenario,
      int population,
      long seed,
      long documented,
      List<SimulationSummary.ListSummary> lists) {
    StringBuilder sb = new StringBuilder();
    sb.append("SYNTHETIC DATA - NOT REAL PEOPLE\n\n");
    sb.append(
        "Every person, name, date and record in this folder was invented by `tumen simulate`.\n");
    sb.append(
        "Any resemblance to a real person is chance. Do not use these files as evidence.\n\n");
    sb.append("Scenario: ").append(scenario.name()).append('\n');
    sb.append(scenario.description()).append("\n\n");
    sb.append("Population: ").append(population).append(" people, seed ").append(seed);
    sb.append("; ").append(documented).append(" of them are on at least one list.\n");
    sb.append("The same scenario.json, population and seed give these files byte for byte\n");
    sb.append("(with the same version of Tumen).\n\n");
    sb.append("Files\n");
    for (SimulationSummary.ListSummary l : lists) {
      sb.append(
          String.format(
              "  %-24s %8d records about %8d people\n",
              l.name() + ".csv", l.records(), l.people()));
    }
    sb.append("  truth.csv                list,rec_id,person_id: who each record really is\n");
    sb.append("  scenario.json            every parameter of the simulation\n\n");
    sb.append("Lists may hold the same person twice. Names, dates and places carry deliberate\n");
    sb.append("errors and variant spellings; truth.csv is the only place that says who is who.\n");
    return sb.toString();
  }
}
