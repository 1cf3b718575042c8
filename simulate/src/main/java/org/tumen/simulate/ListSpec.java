package org.tumen.simulate;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One organisation's list in a {@link Scenario}: who it can see, how likely it is to record them,
 * and how it writes what it records. docs/simulation.md explains every field.
 *
 * @param name the list's name and file name (lower-case letters, digits, {@code _} and {@code -})
 * @param description what kind of organisation keeps it (free text, for people reading the file)
 * @param headers the column layout
 * @param sees the fates of the people the list can record; everybody else is invisible to it
 * @param capture the capture model's coefficients for this list
 * @param nameStyles relative weights of the ways names are written
 * @param dateStyles relative weights of the date formats
 * @param birthDates how precisely birth dates are known
 * @param placeStyles relative weights of the ways provinces are written
 * @param errors rates of errors and omissions
 */
public record ListSpec(
    String name,
    String description,
    HeaderSet headers,
    List<Fate> sees,
    Capture capture,
    Map<NameStyle, Double> nameStyles,
    Map<DateStyle, Double> dateStyles,
    BirthDates birthDates,
    Map<PlaceStyle, Double> placeStyles,
    Errors errors) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public ListSpec {
    Check.present("list name", name);
    if (!NAME.matcher(name).matches() || name.equals("truth")) {
      throw new IllegalArgumentException(
          "list name '"
              + name
              + "' must be 1-64 lower-case letters, digits, _ or - (and not 'truth'):"
              + " it becomes the file name");
    }
    String at = "list " + name + ": ";
    description = description == null ? "" : description;
    Check.present(at + "headers", headers);
    Check.present(at + "sees", sees);
    if (sees.isEmpty()) {
      throw new IllegalArgumentException(at + "sees must name at least one fate");
    }
    sees = List.copyOf(EnumSet.copyOf(sees));
    Check.present(at + "capture", capture);
    nameStyles = Check.weights(at + "nameStyles", nameStyles, NameStyle.class);
    dateStyles = Check.weights(at + "dateStyles", dateStyles, DateStyle.class);
    Check.present(at + "birthDates", birthDates);
    placeStyles = Check.weights(at + "placeStyles", placeStyles, PlaceStyle.class);
    Check.present(at + "errors", errors);
  }

  /** Whether a person with this fate can be on the list. */
  public boolean canSee(Fate fate) {
    return sees.contains(fate);
  }

  /**
   * The capture model of one list: a person who can be seen is recorded with probability {@code
   * logistic(intercept + catchability * z + network * c)}, where {@code z ~ N(0,1)} is the person's
   * catchability, shared by all lists (heterogeneity, so lists are positively dependent), and
   * {@code c} is 1 if the person is in contact with the church networks (dependence between the
   * lists with a non-zero {@code network}). This is a logit-normal heterogeneity model with a
   * shared covariate (Coull and Agresti 1999, Biometrics 55:294–301, eq. 1).
   */
  public record Capture(double intercept, double catchability, double network) {
    public Capture {
      Check.finite("capture.intercept", intercept);
      Check.finite("capture.catchability", catchability);
      Check.finite("capture.network", network);
    }
  }

  /**
   * How birth dates are written: shares of records with the full date, year and month, year only,
   * and a year worked out from the age the person gave ({@code age}); {@code koreanAge} is the
   * share of those ages counted the Korean way (one at birth, one more each new year), which puts
   * the year one too early.
   */
  public record BirthDates(double day, double month, double year, double age, double koreanAge) {
    public BirthDates {
      Check.probability("birthDates.day", day);
      Check.probability("birthDates.month", month);
      Check.probability("birthDates.year", year);
      Check.probability("birthDates.age", age);
      Check.probability("birthDates.koreanAge", koreanAge);
      if (!(day + month + year + age > 0)) {
        throw new IllegalArgumentException("birthDates needs at least one positive share");
      }
    }
  }

  /**
   * Per-record (per-field) rates of errors. {@code typo}: a name field gets one typo; {@code
   * missing*}: the field is left blank; {@code dayMonthSwap}: day and month exchanged (only when
   * both are ≤ 12 and differ); {@code nameOrderSwap}: surname and given name exchanged; {@code
   * duplicate}: the person is recorded a second time, written afresh.
   */
  public record Errors(
      double typo,
      double missingGivenName,
      double missingSex,
      double missingBirthDate,
      double missingBirthplace,
      double dayMonthSwap,
      double nameOrderSwap,
      double duplicate) {
    public Errors {
      Check.probability("errors.typo", typo);
      Check.probability("errors.missingGivenName", missingGivenName);
      Check.probability("errors.missingSex", missingSex);
      Check.probability("errors.missingBirthDate", missingBirthDate);
      Check.probability("errors.missingBirthplace", missingBirthplace);
      Check.probability("errors.dayMonthSwap", dayMonthSwap);
      Check.probability("errors.nameOrderSwap", nameOrderSwap);
      Check.probability("errors.duplicate", duplicate);
    }
  }
}
