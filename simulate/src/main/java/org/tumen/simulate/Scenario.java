package org.tumen.simulate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tumen.model.BadInputException;
import org.tumen.model.DprkProvince;

/**
 * Everything the simulator draws from: who crossed, when, from where, what became of them, and the
 * organisations' lists that documented some of them. A scenario is a JSON file users can edit
 * ({@link #read}, {@link #write}); {@link #defaults()} is North Koreans in China, 1997–2004.
 * docs/simulation.md explains every field and where each default comes from.
 *
 * @param name a short title
 * @param description what the scenario depicts; it is copied into the README of every output
 * @param crossingYears relative weights of the years of crossing
 * @param crossingMonths twelve relative weights of the months of crossing, January first
 * @param femaleShare the share of women
 * @param ageAtCrossing the age at crossing
 * @param provinces relative weights of the home provinces
 * @param femaleFates relative weights of women's fates
 * @param maleFates relative weights of men's fates
 * @param networkContact by fate, the share of people in contact with the church networks
 * @param catchabilityClasses latent classes of catchability; empty for z ~ N(0,1)
 * @param singleSyllableGivenNames the share of given names with one syllable (철, 혁)
 * @param pureKoreanGivenNames the share of pure-Korean given names without Hanja (보람, 은별)
 * @param maxInterviewDelayDays how long after crossing a person may be interviewed (for ages)
 * @param lists the organisations' lists, in the order of their bits in capture histories
 */
public record Scenario(
    String name,
    String description,
    Map<Integer, Double> crossingYears,
    List<Double> crossingMonths,
    double femaleShare,
    Age ageAtCrossing,
    Map<DprkProvince, Double> provinces,
    Map<Fate, Double> femaleFates,
    Map<Fate, Double> maleFates,
    Map<Fate, Double> networkContact,
    List<CatchabilityClass> catchabilityClasses,
    double singleSyllableGivenNames,
    double pureKoreanGivenNames,
    int maxInterviewDelayDays,
    List<ListSpec> lists) {

  /** Capture histories are bit masks in an {@code int}. */
  public static final int MAX_LISTS = 30;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.ALLOW_COMMENTS)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private static final Pattern MISSING = Pattern.compile("Missing creator property '([^']+)'");

  public Scenario {
    Check.present("name", name);
    description = description == null ? "" : description;
    Check.present("crossingYears", crossingYears);
    TreeMap<Integer, Double> years = new TreeMap<>();
    for (Map.Entry<Integer, Double> e : crossingYears.entrySet()) {
      int y = Check.present("crossingYears key", e.getKey());
      if (y < 1900 || y > 2100) {
        throw new IllegalArgumentException("crossingYears: year " + y + " is out of range");
      }
      double w = Check.present("crossingYears." + y, e.getValue());
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("crossingYears." + y + " must be a non-negative weight");
      }
      years.put(y, w);
    }
    if (years.values().stream().noneMatch(w -> w > 0)) {
      throw new IllegalArgumentException("crossingYears needs at least one positive weight");
    }
    crossingYears = Collections.unmodifiableMap(years);
    crossingMonths = Check.weightList("crossingMonths", crossingMonths, 12);
    Check.probability("femaleShare", femaleShare);
    Check.present("ageAtCrossing", ageAtCrossing);
    provinces = Check.weights("provinces", provinces, DprkProvince.class);
    femaleFates = Check.weights("femaleFates", femaleFates, Fate.class);
    maleFates = Check.weights("maleFates", maleFates, Fate.class);
    networkContact = Check.probabilities("networkContact", networkContact, Fate.class);
    Check.present("catchabilityClasses", catchabilityClasses);
    if (!catchabilityClasses.isEmpty()
        && catchabilityClasses.stream().noneMatch(c -> c.weight() > 0)) {
      throw new IllegalArgumentException("catchabilityClasses needs a class with positive weight");
    }
    catchabilityClasses = List.copyOf(catchabilityClasses);
    Check.probability("singleSyllableGivenNames", singleSyllableGivenNames);
    Check.probability("pureKoreanGivenNames", pureKoreanGivenNames);
    if (singleSyllableGivenNames + pureKoreanGivenNames > 1) {
      throw new IllegalArgumentException(
          "singleSyllableGivenNames + pureKoreanGivenNames must not exceed 1");
    }
    if (maxInterviewDelayDays < 0) {
      throw new IllegalArgumentException("maxInterviewDelayDays must not be negative");
    }
    Check.present("lists", lists);
    if (lists.isEmpty() || lists.size() > MAX_LISTS) {
      throw new IllegalArgumentException("lists must hold 1 to " + MAX_LISTS + " lists");
    }
    Set<String> names = new HashSet<>();
    for (ListSpec l : lists) {
      if (!names.add(Check.present("lists[]", l).name())) {
        throw new IllegalArgumentException("two lists are named " + l.name());
      }
    }
    lists = List.copyOf(lists);
  }

  /** The age at crossing: normal with this mean and standard deviation, cut to [min, max]. */
  public record Age(double mean, double sd, int min, int max) {
    public Age {
      Check.finite("ageAtCrossing.mean", mean);
      if (!(sd >= 0) || Double.isInfinite(sd)) {
        throw new IllegalArgumentException("ageAtCrossing.sd must be non-negative");
      }
      if (min < 0 || max > 110 || min > max) {
        throw new IllegalArgumentException("ageAtCrossing needs 0 <= min <= max <= 110");
      }
    }
  }

  /** A scenario with normally distributed catchability (no latent classes). */
  public Scenario(
      String name,
      String description,
      Map<Integer, Double> crossingYears,
      List<Double> crossingMonths,
      double femaleShare,
      Age ageAtCrossing,
      Map<DprkProvince, Double> provinces,
      Map<Fate, Double> femaleFates,
      Map<Fate, Double> maleFates,
      Map<Fate, Double> networkContact,
      double singleSyllableGivenNames,
      double pureKoreanGivenNames,
      int maxInterviewDelayDays,
      List<ListSpec> lists) {
    this(
        name,
        description,
        crossingYears,
        crossingMonths,
        femaleShare,
        ageAtCrossing,
        provinces,
        femaleFates,
        maleFates,
        networkContact,
        List.of(),
        singleSyllableGivenNames,
        pureKoreanGivenNames,
        maxInterviewDelayDays,
        lists);
  }

  /** This scenario with other lists (in the order of their bits in capture histories). */
  public Scenario withLists(List<ListSpec> newLists) {
    return new Scenario(
        name,
        description,
        crossingYears,
        crossingMonths,
        femaleShare,
        ageAtCrossing,
        provinces,
        femaleFates,
        maleFates,
        networkContact,
        catchabilityClasses,
        singleSyllableGivenNames,
        pureKoreanGivenNames,
        maxInterviewDelayDays,
        newLists);
  }

  /** This scenario with latent classes of catchability (empty: z ~ N(0,1)). */
  public Scenario withCatchabilityClasses(List<CatchabilityClass> classes) {
    return new Scenario(
        name,
        description,
        crossingYears,
        crossingMonths,
        femaleShare,
        ageAtCrossing,
        provinces,
        femaleFates,
        maleFates,
        networkContact,
        classes,
        singleSyllableGivenNames,
        pureKoreanGivenNames,
        maxInterviewDelayDays,
        lists);
  }

  /**
   * A latent class of catchability: a share of the population (relative {@code weight}) whose
   * catchability z is {@code z}. With classes, capture follows a latent class model (each class has
   * its own capture probability on each list) instead of the logit-normal one.
   */
  public record CatchabilityClass(double weight, double z) {
    public CatchabilityClass {
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("catchabilityClasses: weight must be non-negative");
      }
      Check.finite("catchabilityClasses: z", z);
    }
  }

  /** The default scenario: North Koreans who crossed into China, 1997–2004, and five lists. */
  public static Scenario defaults() {
    return Defaults.SCENARIO;
  }

  /** Loaded once, on first use; a scenario is immutable, so every caller can share it. */
  private static final class Defaults {
    static final Scenario SCENARIO = load();

    private static Scenario load() {
      try (InputStream in = Scenario.class.getResourceAsStream("default-scenario.json")) {
        if (in == null) {
          throw new IllegalStateException("default-scenario.json is missing from the build");
        }
        return JSON.readValue(in, Scenario.class);
      } catch (IOException e) {
        throw new UncheckedIOException("the built-in default scenario does not load", e);
      }
    }
  }

  /**
   * Reads a scenario file.
   *
   * @throws BadInputException naming the file, line and column, if it is not a valid scenario
   */
  public static Scenario read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return JSON.readValue(in, Scenario.class);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? file.toString()
              : BadInputException.at(
                  file.toString(), e.getLocation().getLineNr(), e.getLocation().getColumnNr());
      throw new BadInputException(where, problem(e), e);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read the scenario: " + e, e);
    }
  }

  /** Writes this scenario as JSON that {@link #read} reads back to an equal scenario. */
  public void write(Path file) throws IOException {
    Files.writeString(file, toJson());
  }

  /** This scenario as indented JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a valid scenario always serialises", e);
    }
  }

  /** The lists' names in scenario order (bit i of a capture history is list i). */
  public List<String> listNames() {
    return lists.stream().map(ListSpec::name).toList();
  }

  /** This scenario with only its first {@code k} lists. */
  public Scenario firstLists(int k) {
    if (k < 1 || k > lists.size()) {
      throw new IllegalArgumentException(
          "the scenario has " + lists.size() + " lists; cannot take " + k);
    }
    return withLists(lists.subList(0, k));
  }

  private static String problem(JsonProcessingException e) {
    if (e.getCause() instanceof IllegalArgumentException invalid) {
      return invalid.getMessage();
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'";
    }
    Matcher missing = MISSING.matcher(String.valueOf(e.getOriginalMessage()));
    if (missing.find()) {
      return "missing field '" + missing.group(1) + "'";
    }
    return firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "not a valid scenario";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
