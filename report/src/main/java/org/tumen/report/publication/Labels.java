package org.tumen.report.publication;

import java.util.Optional;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.vocabulary.ActType;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.report.text.Texts;

/**
 * Row keys (codes) as readers see them in one language: act types and places by their labels in the
 * vocabularies and gazetteer; periods and anything unknown as they are.
 */
public final class Labels {
  private static final String YEAR_UNKNOWN = "year not known";
  private static final String MONTH_UNKNOWN = " (month not known)";
  private static final String QUARTER_UNKNOWN = " (quarter not known)";

  private final Vocabularies vocabularies;
  private final Gazetteer gazetteer;
  private final Texts texts;

  public Labels(Vocabularies vocabularies, Gazetteer gazetteer, Texts texts) {
    this.vocabularies = vocabularies;
    this.gazetteer = gazetteer;
    this.texts = texts;
  }

  public static Labels standard(String language) {
    return new Labels(Vocabularies.standard(), Gazetteer.standard(), Texts.of(language));
  }

  public Texts texts() {
    return texts;
  }

  /** An act type's label, or its code when unknown. */
  public String actType(String code) {
    return vocabularies.actType(code).map(t -> t.labels().in(texts.language())).orElse(code);
  }

  /** A row key of a table whose rows are {@code dimension}. */
  public String key(String dimension, String key) {
    if (dimension.startsWith("act type")) {
      return actType(key);
    }
    if (dimension.startsWith("place")) {
      int space = key.indexOf(' ');
      String code = space < 0 ? key : key.substring(0, space);
      Optional<Place> p = gazetteer.place(code);
      if (p.isPresent()) {
        String name = p.get().names().in(texts.language());
        return space < 0 ? name : name + " " + texts.get("place.coarser");
      }
    }
    return period(key);
  }

  /**
   * A period row key in this language: counting writes "year not known" and "2002 (month not
   * known)" in English (document's {@code Period}); the years and months themselves need no words.
   */
  String period(String key) {
    if (key.equals(YEAR_UNKNOWN)) {
      return texts.get("period.year-unknown");
    }
    if (key.endsWith(MONTH_UNKNOWN)) {
      return texts.get(
          "period.month-unknown", key.substring(0, key.length() - MONTH_UNKNOWN.length()));
    }
    if (key.endsWith(QUARTER_UNKNOWN)) {
      return texts.get(
          "period.quarter-unknown", key.substring(0, key.length() - QUARTER_UNKNOWN.length()));
    }
    return key;
  }

  /** A condition's label ("if the victim was a child"), or its code when unknown. */
  public String condition(String code) {
    return vocabularies.conditions().stream()
        .filter(c -> c.code().equals(code))
        .findFirst()
        .map(c -> c.labels().in(texts.language()))
        .orElse(code);
  }

  /** The breaches an act type maps to, for the law section. */
  public Optional<ActType> type(String code) {
    return vocabularies.actType(code);
  }
}
