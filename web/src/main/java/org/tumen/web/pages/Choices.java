package org.tumen.web.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.vocabulary.Labels;
import org.tumen.model.vocabulary.Vocabularies;

/**
 * The pickers of the intake form: vocabulary terms, gazetteer places and closed scales, each as a
 * code and its label in the user's language (the model's vocabularies carry English, Korean and
 * Chinese labels).
 */
public final class Choices {

  /** One option of a picker. */
  public record Option(String code, String label) {}

  private static final Vocabularies VOCABULARIES = Vocabularies.standard();
  private static final Gazetteer GAZETTEER = Gazetteer.standard();

  private Choices() {}

  static String language() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  static Gazetteer gazetteer() {
    return GAZETTEER;
  }

  static Vocabularies vocabularies() {
    return VOCABULARIES;
  }

  public static List<Option> eventTypes() {
    String l = language();
    return sorted(
        VOCABULARIES.eventTypes().stream().map(t -> new Option(t.code(), t.labels().in(l))));
  }

  public static List<Option> actTypes() {
    String l = language();
    return sorted(
        VOCABULARIES.actTypes().stream().map(t -> new Option(t.code(), t.labels().in(l))));
  }

  public static List<Option> institutionTypes() {
    String l = language();
    return sorted(
        VOCABULARIES.institutionTypes().stream().map(t -> new Option(t.code(), t.labels().in(l))));
  }

  /** Every place, in the order of its code (so a district follows its region), name and code. */
  public static List<Option> places() {
    String l = language();
    List<Option> out = new ArrayList<>();
    GAZETTEER.places().stream()
        .sorted(Comparator.comparing(Place::code))
        .forEach(p -> out.add(new Option(p.code(), placeLabel(p, l))));
    return out;
  }

  private static String placeLabel(Place p, String language) {
    StringBuilder b = new StringBuilder();
    Place at = p;
    // "Yanji, Yanbian, Jilin, China": the place and its parents, so that equal names differ
    while (at != null) {
      if (!b.isEmpty()) {
        b.append(", ");
      }
      b.append(at.names().in(language));
      at = GAZETTEER.parent(at).orElse(null);
    }
    return b.toString();
  }

  /** A closed scale (reliability, degree, observation, source kind) with the model's labels. */
  public static <E extends Enum<E>> List<Option> scale(Class<E> type) {
    String l = language();
    List<Option> out = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      Labels labels = VOCABULARIES.label(e);
      out.add(new Option(e.name().toLowerCase(Locale.ROOT).replace('_', '-'), labels.in(l)));
    }
    return out;
  }

  private static List<Option> sorted(java.util.stream.Stream<Option> options) {
    return options.sorted(Comparator.comparing(Option::label)).toList();
  }
}
