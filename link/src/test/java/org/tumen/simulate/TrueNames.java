package org.tumen.simulate;

import java.util.HashMap;
import java.util.Map;

/**
 * Test-only access to the simulated population's true names (for the linkage ceiling analysis in
 * {@code org.tumen.link.LinkCeiling}): the same generator and seed as {@link Simulator#simulate},
 * so the person ids match the truth file.
 */
public final class TrueNames {
  private TrueNames() {}

  /**
   * Per person id, the key of a genuine namesake: South Korean Hangul surname, North Korean given
   * name, sex and birth year (two people with one key are namesakes to any list).
   */
  public static Map<String, String> namesakeKeys(Scenario scenario, int population, long seed) {
    PopulationGenerator people = new PopulationGenerator(scenario, seed);
    Map<String, String> out = new HashMap<>(population * 2);
    for (int i = 0; i < population; i++) {
      Person p = people.next();
      out.put(
          p.id(),
          p.name().surname().rok()
              + "|"
              + p.name().given()
              + "|"
              + p.sex()
              + "|"
              + p.birth().getYear());
    }
    return out;
  }
}
