package org.tumen.link;

import java.util.List;

/**
 * One comparison field: what is compared across lists (a role), how, and into which agreement
 * levels. Level 0 is always the strongest agreement; the last level is "different". A missing value
 * on either side has no level and weight 0.
 *
 * @param name the role, e.g. {@code surname}, {@code birth_date}, {@code postcode}
 * @param kind the comparator
 */
record Field(String name, Kind kind) {

  /** Missing on either side: neutral evidence. */
  static final int MISSING = 15;

  /**
   * Name levels. "reordered": the same syllables in another order (순정 and 정순), a given name written
   * family-name-last inside itself; only given names reach it.
   */
  static final List<String> NAME_LEVELS =
      List.of("exact", "variant", "reordered", "similar_0.94", "similar_0.85", "different");

  enum Kind {
    SURNAME(NAME_LEVELS),
    GIVEN(NAME_LEVELS),
    NAME_PART(NAME_LEVELS),
    DATE(
        List.of(
            "exact",
            "one_typo_or_swap",
            "same_month_partial",
            "same_year_partial",
            "year_1_apart_partial",
            "year_2_apart_partial",
            "same_day_year_1_apart",
            "same_day_year_2_apart",
            "same_year_conflict",
            "different",
            "different_full_dates")),
    YEAR(List.of("exact", "1_apart", "2_apart", "different")),
    SEX(List.of("exact", "different")),
    PLACE(List.of("exact", "sounds_alike", "different")),
    CODE(List.of("exact", "one_edit", "different")),
    TEXT(List.of("exact", "similar_0.92", "similar_0.80", "different")),
    EXACT(List.of("exact", "different"));

    final List<String> labels;

    Kind(List<String> labels) {
      this.labels = labels;
    }

    int levels() {
      return labels.size();
    }

    /**
     * Whether level l is by construction weaker agreement than level l - 1. Date levels are not: a
     * keying error between two full dates may be weaker evidence than agreement on year and month
     * with one day unknown, and a conflict between known months may be worse than a plainly
     * different year, or not.
     */
    boolean weakerThanPrevious(int l) {
      return this != DATE;
    }

    /** Whether level 0 and 1 mean "the same value", so term frequencies refine their weight. */
    boolean termFrequency() {
      return this == SURNAME || this == GIVEN || this == NAME_PART;
    }

    /**
     * Whether agreement is weighed by how common the value is (Winkler 1989): names, and places
     * too, since two records that agree on a province half the people come from say less than two
     * that agree on Pyongyang.
     */
    boolean frequencyAdjusted() {
      return termFrequency() || this == PLACE;
    }

    static Kind of(FieldType type) {
      return switch (type) {
        case NAME -> NAME_PART;
        case FULL_NAME -> NAME_PART;
        case DATE -> DATE;
        case YEAR -> YEAR;
        case SEX -> SEX;
        case PLACE -> PLACE;
        case CODE -> CODE;
        case TEXT -> TEXT;
        case EXACT -> EXACT;
        case IGNORE -> throw new IllegalArgumentException("ignored fields are not compared");
      };
    }
  }

  int levels() {
    return kind.levels();
  }

  String label(int level) {
    return level == MISSING ? "missing" : kind.labels.get(level);
  }
}
