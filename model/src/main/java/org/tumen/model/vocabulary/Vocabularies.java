package org.tumen.model.vocabulary;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.tumen.model.vocabulary.ActType.Breach;
import org.tumen.model.vocabulary.TreatyAction.ConsentKind;

/**
 * Tumen's controlled vocabularies, read from the versioned data files beside this class: act types
 * and the provisions they breach, the instruments and which states were bound by them since when,
 * event types, perpetrator institution types, conditions, and the labels of the small scales
 * (reliability, degree of involvement …). Immutable; {@link #standard()} reads them once.
 *
 * <p>Every file carries a version and a migration note ({@code #! version:}, {@code #!
 * migration:}); a change to a file raises its version and says how stored codes map. Reading
 * refuses a duplicate code, a missing label, an unknown reference and a row without a source.
 */
public final class Vocabularies {

  private static final class Standard {
    static final Vocabularies INSTANCE = load();
  }

  private final Map<String, Integer> versions;
  private final Map<String, Instrument> instruments;
  private final Map<String, Condition> conditions;
  private final Map<String, Provision> provisions;
  private final Map<String, ActType> actTypes;
  private final Map<String, EventType> eventTypes;
  private final Map<String, InstitutionType> institutionTypes;
  private final Map<String, Labels> scaleLabels;
  private final Map<String, TreatyAction> treatyActions;
  private final List<String> coveredStates;
  private final LocalDate treatyStatusAsOf;

  private Vocabularies(Map<String, DataFile> files) {
    Map<String, Integer> v = new LinkedHashMap<>();
    files.forEach((k, f) -> v.put(k, f.version()));
    versions = Map.copyOf(v);
    instruments = byCode(files.get("instruments"), Vocabularies::instrument);
    conditions = byCode(files.get("conditions"), r -> new Condition(r.get("code"), Labels.of(r)));
    provisions = byCode(files.get("provisions"), this::provision);
    actTypes = byCode(files.get("act-types"), this::actType);
    eventTypes = byCode(files.get("event-types"), r -> new EventType(r.get("code"), Labels.of(r)));
    institutionTypes =
        byCode(
            files.get("institution-types"),
            r -> new InstitutionType(r.get("code"), Labels.of(r), yesNo(r, "state")));
    scaleLabels = scales(files.get("scales"));
    DataFile status = files.get("treaty-status");
    coveredStates = List.of(status.meta("states").split("\\s+"));
    treatyStatusAsOf = LocalDate.parse(status.meta("as-of"));
    treatyActions = treatyActions(status);
  }

  /** The vocabularies shipped with this version of Tumen. */
  public static Vocabularies standard() {
    return Standard.INSTANCE;
  }

  /** The data files, in the order they must be read (each refers only to those before it). */
  static final List<String> FILES =
      List.of(
          "instruments",
          "conditions",
          "provisions",
          "act-types",
          "event-types",
          "institution-types",
          "scales",
          "treaty-status");

  private static Vocabularies load() {
    Map<String, DataFile> files = new LinkedHashMap<>();
    for (String name : FILES) {
      files.put(name, DataFile.read(Vocabularies.class, name + ".psv"));
    }
    return of(files);
  }

  /** Vocabularies from the given files (tests give broken ones). */
  static Vocabularies of(Map<String, DataFile> files) {
    for (String name : FILES) {
      DataFile f = files.get(name);
      if (!f.meta("vocabulary").equals(name)) {
        throw new IllegalStateException(f.name() + ": names vocabulary " + f.meta("vocabulary"));
      }
      f.meta("migration");
    }
    return new Vocabularies(files);
  }

  private static <T> Map<String, T> byCode(DataFile file, Function<DataFile.Row, T> make) {
    Map<String, T> out = new LinkedHashMap<>();
    for (DataFile.Row r : file.rows()) {
      String code = r.get("code");
      if (!code.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        throw r.error("a code is lower-case words joined by '-': " + code);
      }
      T t;
      try {
        t = make.apply(r);
      } catch (IllegalArgumentException e) {
        throw r.error(e.getMessage());
      }
      if (out.putIfAbsent(code, t) != null) {
        throw r.error("duplicate code " + code);
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static Instrument instrument(DataFile.Row r) {
    String inForce = r.optional("in_force");
    String delay = r.optional("delay");
    return new Instrument(
        r.get("code"),
        r.get("short"),
        Labels.of(r),
        LocalDate.parse(r.get("adopted")),
        inForce.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(inForce)),
        delay.isEmpty() ? Period.ZERO : Period.parse(delay),
        r.get("delay_basis"),
        Instrument.Kind.valueOf(r.get("kind").toUpperCase(Locale.ROOT)),
        r.get("source"));
  }

  private Provision provision(DataFile.Row r) {
    List<Instrument> via = new ArrayList<>();
    for (String code : r.get("instruments").split("\\s+")) {
      via.add(required(instruments, code, r, "instrument"));
    }
    String scope = r.optional("scope");
    return new Provision(
        r.get("code"),
        via,
        r.get("article"),
        Labels.of(r),
        scope.isEmpty() ? Optional.empty() : Optional.of(scope),
        r.get("source"));
  }

  private ActType actType(DataFile.Row r) {
    List<Breach> breaches = new ArrayList<>();
    for (String b : r.get("breaches").split("\\s+")) {
      int q = b.indexOf('?');
      Provision p = required(provisions, q < 0 ? b : b.substring(0, q), r, "provision");
      Optional<Condition> c =
          q < 0
              ? Optional.empty()
              : Optional.of(required(conditions, b.substring(q + 1), r, "condition"));
      if (breaches.stream().anyMatch(x -> x.provision().equals(p))) {
        throw r.error("provision listed twice: " + p.code());
      }
      breaches.add(new Breach(p, c));
    }
    return new ActType(r.get("code"), Labels.of(r), breaches);
  }

  private static Map<String, Labels> scales(DataFile file) {
    Map<String, Labels> out = new LinkedHashMap<>();
    for (DataFile.Row r : file.rows()) {
      String key = r.get("scale") + "/" + r.get("code");
      if (out.putIfAbsent(key, Labels.of(r)) != null) {
        throw r.error("duplicate code " + key);
      }
    }
    return Map.copyOf(out);
  }

  private Map<String, TreatyAction> treatyActions(DataFile file) {
    Map<String, TreatyAction> out = new LinkedHashMap<>();
    for (DataFile.Row r : file.rows()) {
      Instrument i = required(instruments, r.get("instrument"), r, "instrument");
      String state = r.get("state");
      if (!coveredStates.contains(state)) {
        throw r.error(state + " is not in the '#! states:' list");
      }
      String kind = r.optional("kind");
      TreatyAction a;
      try {
        a =
            new TreatyAction(
                i,
                state,
                date(r.optional("signature")),
                date(r.optional("consent")),
                kind.isEmpty()
                    ? Optional.empty()
                    : Optional.of(ConsentKind.valueOf(kind.toUpperCase(Locale.ROOT))),
                r.get("source"),
                r.optional("note"));
      } catch (IllegalArgumentException e) {
        throw r.error(e.getMessage());
      }
      if (out.putIfAbsent(i.code() + "/" + state, a) != null) {
        throw r.error("two rows for " + state + " and " + i.code());
      }
    }
    for (Instrument i : instruments.values()) {
      for (String s : coveredStates) {
        if (i.kind() == Instrument.Kind.TREATY && !out.containsKey(i.code() + "/" + s)) {
          throw new IllegalStateException(
              file.name()
                  + ": no row for "
                  + s
                  + " and "
                  + i.code()
                  + " (a state that is not a"
                  + " party has a row saying so)");
        }
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static Optional<LocalDate> date(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(s));
  }

  private static boolean yesNo(DataFile.Row r, String column) {
    return switch (r.get(column)) {
      case "yes" -> true;
      case "no" -> false;
      default -> throw r.error(column + " must be yes or no");
    };
  }

  private static <T> T required(Map<String, T> map, String code, DataFile.Row r, String what) {
    T t = map.get(code);
    if (t == null) {
      throw r.error("unknown " + what + " " + code);
    }
    return t;
  }

  /** Each data file's version, by vocabulary name. */
  public Map<String, Integer> versions() {
    return versions;
  }

  public Collection<ActType> actTypes() {
    return actTypes.values();
  }

  public Optional<ActType> actType(String code) {
    return Optional.ofNullable(actTypes.get(code));
  }

  public Collection<EventType> eventTypes() {
    return eventTypes.values();
  }

  public Optional<EventType> eventType(String code) {
    return Optional.ofNullable(eventTypes.get(code));
  }

  public Collection<InstitutionType> institutionTypes() {
    return institutionTypes.values();
  }

  public Optional<InstitutionType> institutionType(String code) {
    return Optional.ofNullable(institutionTypes.get(code));
  }

  public Collection<Provision> provisions() {
    return provisions.values();
  }

  public Optional<Provision> provision(String code) {
    return Optional.ofNullable(provisions.get(code));
  }

  public Collection<Instrument> instruments() {
    return instruments.values();
  }

  public Optional<Instrument> instrument(String code) {
    return Optional.ofNullable(instruments.get(code));
  }

  public Collection<Condition> conditions() {
    return conditions.values();
  }

  /** The states whose treaty actions the data covers (ISO 3166-1 alpha-3). */
  public List<String> coveredStates() {
    return coveredStates;
  }

  /** The day the treaty status was transcribed as of. */
  public LocalDate treatyStatusAsOf() {
    return treatyStatusAsOf;
  }

  /** What {@code state} did about a treaty; empty when the state is not covered. */
  public Optional<TreatyAction> treatyAction(Instrument instrument, String state) {
    return Optional.ofNullable(treatyActions.get(instrument.code() + "/" + state));
  }

  public Collection<TreatyAction> treatyActions() {
    return treatyActions.values();
  }

  /** The labels of a constant of one of the model's closed scales (reliability, degree …). */
  public Labels label(Enum<?> constant) {
    Labels l = scaleLabels.get(scaleName(constant.getDeclaringClass()) + "/" + constant.name());
    if (l == null) {
      throw new IllegalStateException("no labels for " + constant + " in scales.psv");
    }
    return l;
  }

  /** The codes the scales file lists for a scale, to check them against the enum. */
  public Set<String> scaleCodes(Class<? extends Enum<?>> scale) {
    String prefix = scaleName(scale) + "/";
    Set<String> out = new java.util.TreeSet<>();
    for (String k : scaleLabels.keySet()) {
      if (k.startsWith(prefix)) {
        out.add(k.substring(prefix.length()));
      }
    }
    return out;
  }

  /** {@code SourceKind} → {@code source-kind}. */
  static String scaleName(Class<?> scale) {
    return scale.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
