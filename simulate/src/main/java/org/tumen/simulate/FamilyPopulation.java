package org.tumen.simulate;

/**
 * One population drawn by {@link FamilyGenerator}: who was on which list, and how many records each
 * list holds of each documented person (more than one in {@link Family#DUPLICATES}).
 *
 * @param family the family it was drawn from
 * @param parameters the parameters drawn for it, in words (for study tables and debugging)
 * @param histories the true capture histories; documented person i is {@code histories.masks()[i]}
 * @param copies row-major, documented person × list: records of that person on that list (0 if not
 *     on it)
 */
public record FamilyPopulation(
    Family family, String parameters, CaptureHistories histories, int[] copies) {

  public FamilyPopulation {
    int lists = histories.lists().size();
    if (copies.length != histories.observed() * lists) {
      throw new IllegalArgumentException("need one record count per documented person and list");
    }
    int[] masks = histories.masks();
    for (int i = 0; i < masks.length; i++) {
      for (int j = 0; j < lists; j++) {
        boolean on = (masks[i] >> j & 1) == 1;
        if (on != copies[i * lists + j] > 0) {
          throw new IllegalArgumentException("records and capture history disagree: person " + i);
        }
      }
    }
    copies = copies.clone();
  }

  /** Records list {@code list} holds of documented person {@code person}. */
  public int records(int person, int list) {
    return copies[person * histories.lists().size() + list];
  }

  /** All records, over all lists. */
  public long records() {
    long total = 0;
    for (int c : copies) {
      total += c;
    }
    return total;
  }

  @Override
  public int[] copies() {
    return copies.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FamilyPopulation p
        && p.family == family
        && p.parameters.equals(parameters)
        && p.histories.equals(histories)
        && java.util.Arrays.equals(p.copies, copies);
  }

  @Override
  public int hashCode() {
    return histories.hashCode();
  }

  @Override
  public String toString() {
    return "FamilyPopulation[" + family + ", " + parameters + ", " + histories + "]";
  }
}
