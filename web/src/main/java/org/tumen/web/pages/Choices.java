package org.tumen.web.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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

  /**
   * The pickers by what and language: the same lists for every page of a step, built once (the
   * places alone walk every place's parents; built per page, they were a step page's own cost).
   */
  private static final Map<String, List<Option>> BUILT = new ConcurrentHashMap<>();

  private static final java.util.Set<String> KEPT_LANGUAGES = java.util.Set.of("en", "ko", "zh");

  private Choices() {}

  /** The pickers' HTML, by the kept list it was written from (so by what and language). */
  private static final Map<List<Option>, Picker> PICKERS =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  private static List<Option> built(String what, Function<String, List<Option>> build) {
    String l = language();
    if (!KEPT_LANGUAGES.contains(l)) {
      return build.apply(l); // a language the application has no messages in is not kept
    }
    return BUILT.computeIfAbsent(
        what + "/" + l,
        k -> {
          List<Option> options = List.copyOf(build.apply(l));
          PICKERS.put(options, new Picker(options));
          return options;
        });
  }

  /** The picker of a list of options: written once when the list is a kept one. */
  public static Picker picker(List<Option> options) {
    Picker p = PICKERS.get(options);
    return p != null ? p : new Picker(options);
  }

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
    return built(
        "eventTypes",
        l ->
            sorted(
                VOCABULARIES.eventTypes().stream()
                    .map(t -> new Option(t.code(), t.labels().in(l)))));
  }

  public static List<Option> actTypes() {
    return built(
        "actTypes",
        l ->
            sorted(
                VOCABULARIES.actTypes().stream().map(t -> new Option(t.code(), t.labels().in(l)))));
  }

  public static List<Option> institutionTypes() {
    return built(
        "institutionTypes",
        l ->
            sorted(
                VOCABULARIES.institutionTypes().stream()
                    .map(t -> new Option(t.code(), t.labels().in(l)))));
  }

  /** Every place, in the order of its code (so a district follows its region), name and code. */
  public static List<Option> places() {
    return built(
        "places",
        l -> {
          List<Option> out = new ArrayList<>();
          GAZETTEER.places().stream()
              .sorted(Comparator.comparing(Place::code))
              .forEach(p -> out.add(new Option(p.code(), placeLabel(p, l))));
          return out;
        });
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
    return built(
        type.getName(),
        l -> {
          List<Option> out = new ArrayList<>();
          for (E e : type.getEnumConstants()) {
            Labels labels = VOCABULARIES.label(e);
            out.add(new Option(e.name().toLowerCase(Locale.ROOT).replace('_', '-'), labels.in(l)));
          }
          return out;
        });
  }

  private static List<Option> sorted(java.util.stream.Stream<Option> options) {
    return options.sorted(Comparator.comparing(Option::label)).toList();
  }
}
