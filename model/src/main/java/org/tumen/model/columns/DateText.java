package org.tumen.model.columns;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.tumen.model.PartialDate;

/**
 * The one reader of dates as lists write them, used by the import ({@code store}) and by linkage
 * ({@code link}). Accepted, with full-width digits folded by NFKC:
 *
 * <ul>
 *   <li>year first: 1975-03-09, 1975/03/09, 1975.3.9, 1975. 3. 9., 19750309, 1975-03, 1975;
 *   <li>year last: 25/03/1975 (day first), 03/25/1975 (month first), 03/1975, 09031975;
 *   <li>Korean and Chinese: 1975년 3월 9일, 1975년 3월, 1975년, 1975年3月9日, 1975年3月;
 *   <li>English month names: March 1975, 9 Mar 1975, Mar 9, 1975, 9th of March 1975;
 *   <li>two-digit years: 75, 75.3.9 (year first with dots or dashes), 9/3/75 (year last with
 *       slashes). The pivot is fixed so that results never depend on the day the program runs:
 *       00–29 are 2000–2029, 30–99 are 1930–1999;
 *   <li>ages: "34세", "34살", "34岁", "age 34", "34 years old", "age 34 in 2003", "2003년 34세": the
 *       year is the reference year minus the age ({@link DateReading#fromAge()}); an age with the
 *       date it was stated goes through {@link #fromAge(int, PartialDate)};
 *   <li>unknown parts written as zeros: 1975-00-00, 00/03/1975.
 * </ul>
 *
 * <p><b>The reading rule for ambiguous dates.</b> A numeric date with the year last whose first two
 * numbers could each be the day or the month (09/03/1975) is read <em>day first</em> (9 March
 * 1975): the order of almost every country whose organisations keep these lists, month first being
 * a United States habit. The reading is marked {@link DateReading#dayMonthAmbiguous()}; a user that
 * must not guess keeps only its year ({@link DateReading#certainPrecision()}, as the import does)
 * and linkage compares the swapped reading too. When only one order names a real day (25/03/1975,
 * 03/25/1975) that order is taken and nothing is ambiguous; when both name the same day
 * (04/04/1975) nothing is ambiguous either.
 *
 * <p>Years outside {@value #MIN_YEAR}–{@value #MAX_YEAR} are not dates of people's lives. Reading
 * never throws: text that is no date, or names no real day (1975-02-30), reads as empty, and {@link
 * #problem} says why a date-shaped text names no day. Immutable and thread-safe.
 */
public final class DateText {

  public static final int MIN_YEAR = 1800;
  public static final int MAX_YEAR = 2200;

  private static final int MAX_NUMBERS = 4;
  private static final int MAX_AGE = 120;
  private static final int PIVOT = 30;
  private static final String[] MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december"
  };

  private final int referenceYear;

  /** Reads bare ages ("34세") against the year the list was made (34 in 2003 → 1969). */
  public DateText(int referenceYear) {
    if (referenceYear < MIN_YEAR || referenceYear > MAX_YEAR) {
      throw new IllegalArgumentException("reference year out of range: " + referenceYear);
    }
    this.referenceYear = referenceYear;
  }

  /** Reads bare ages against the current year; prefer {@link #DateText(int)}. */
  public DateText() {
    this(LocalDate.now().getYear());
  }

  /** The date in the text, or empty if it holds no possible date. Never throws. */
  public Optional<DateReading> read(String text) {
    return Optional.ofNullable(new Attempt().run(text));
  }

  /**
   * Why a text that looks like a date names no real one ("month 2 of 1975 has no day 30", "there is
   * no month 13"), or empty when it reads as a date or does not look like one at all.
   */
  public Optional<String> problem(String text) {
    Attempt a = new Attempt();
    return a.run(text) == null ? Optional.ofNullable(a.why) : Optional.empty();
  }

  /**
   * The birth year of someone who said they were {@code age} on {@code statedOn}: the stated year
   * minus the age, one year earlier when the age was stated in the first half of the year (the
   * birthday, uniformly spread, more likely still to come). A year only, marked {@link
   * DateReading#fromAge()}: it is one year off for part of the people whatever the rule, so compare
   * it as a year with a tolerance.
   */
  public static Optional<DateReading> fromAge(int age, PartialDate statedOn) {
    if (age < 0 || age > MAX_AGE) {
      return Optional.empty();
    }
    int year = statedOn.year() - age;
    if (statedOn.month() != 0) {
      int day = statedOn.day() == 0 ? 15 : statedOn.day();
      int dayOfYear = LocalDate.of(statedOn.year(), statedOn.month(), day).getDayOfYear();
      if (dayOfYear * 2 < LocalDate.of(statedOn.year(), 1, 1).lengthOfYear()) {
        year--;
      }
    }
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return Optional.empty();
    }
    return Optional.of(new DateReading(PartialDate.ofYear(year), true, false));
  }

  /** An age as lists write it ("34", "34세", "34岁", "age 34"), or -1. */
  public static int age(String text) {
    String s = fold(text);
    int i = 0;
    while (i < s.length() && !Character.isDigit(s.charAt(i))) {
      i++;
    }
    int j = i;
    while (j < s.length() && Character.isDigit(s.charAt(j))) {
      j++;
    }
    if (i == j || j - i > 3) {
      return -1;
    }
    String rest = (s.substring(0, i) + " " + s.substring(j)).strip().toLowerCase(Locale.ROOT);
    if (!rest.isEmpty()
        && !rest.matches("(age|aged|만)?\\s*(세|살|岁|歲|周岁|years?( old)?|yrs?|y)?\\.?")) {
      return -1;
    }
    int age = Integer.parseInt(s.substring(i, j));
    return age <= MAX_AGE ? age : -1;
  }

  static String fold(String text) {
    if (text == null) {
      return "";
    }
    boolean ascii = true;
    for (int i = 0; i < text.length() && ascii; i++) {
      ascii = text.charAt(i) < 128;
    }
    return (ascii ? text : Normalizer.normalize(text, Normalizer.Form.NFKC)).strip();
  }

  /** One reading of one text: the tokens and, on failure, why. */
  private final class Attempt {
    final int[] value = new int[MAX_NUMBERS];
    final int[] digits = new int[MAX_NUMBERS];

    /** 'y', 'm', 'd' or 'a' (age) from a following Korean/Chinese marker, else 0. */
    final char[] marker = new char[MAX_NUMBERS];

    int count;
    int month;
    boolean age;
    boolean marked;
    boolean foreign;
    char separator;
    String why;

    DateReading run(String text) {
      String s = fold(text);
      if (s.isEmpty() || !scan(s) || foreign) {
        return null;
      }
      return age ? age() : marked ? marked() : month > 0 ? named() : numeric();
    }

    /** Returns false when the text cannot be a date (too many numbers, a huge number). */
    private boolean scan(String s) {
      int i = 0;
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
          int j = i;
          int v = 0;
          while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            if (j - i >= 8) {
              return false;
            }
            v = v * 10 + (s.charAt(j) - '0');
            j++;
          }
          if (count == MAX_NUMBERS) {
            return false;
          }
          value[count] = v;
          digits[count] = j - i;
          count++;
          i = j;
        } else if (isAsciiLetter(c)) {
          int j = i;
          while (j < n && isAsciiLetter(s.charAt(j))) {
            j++;
          }
          boolean glued = i > 0 && Character.isDigit(s.charAt(i - 1));
          word(s.substring(i, j).toLowerCase(Locale.ROOT), glued);
          i = j;
        } else {
          cjk(c);
          if (count > 0 && separator == 0 && (c == '/' || c == '.' || c == '-')) {
            separator = c;
          }
          i++;
        }
      }
      return count > 0;
    }

    private void cjk(char c) {
      char m =
          switch (c) {
            case '년', '年' -> 'y';
            case '월', '月' -> 'm';
            case '일', '日', '号', '號' -> 'd';
            case '세', '살', '岁', '歲' -> 'a';
            default -> 0;
          };
      if (m == 0) {
        return;
      }
      if (m == 'a') {
        age = true;
      } else {
        marked = true;
      }
      if (count > 0 && marker[count - 1] == 0) {
        marker[count - 1] = m;
      }
    }

    /** A word: a month name, an age word, an ordinal suffix; "1970s" is a decade, not a year. */
    private void word(String w, boolean glued) {
      switch (w) {
        case "age", "aged", "years", "year", "yrs", "yo", "old" -> age = true;
        case "st", "nd", "rd", "th" -> {}
        default -> {
          if (glued) {
            foreign = true;
          } else if (w.length() >= 3 && month == 0) {
            for (int k = 0; k < MONTHS.length; k++) {
              if (MONTHS[k].startsWith(w)) {
                month = k + 1;
              }
            }
          }
        }
      }
    }

    private DateReading age() {
      int a = -1;
      int reference = referenceYear;
      for (int k = 0; k < count; k++) {
        if (digits[k] == 4 && marker[k] != 'a') {
          reference = value[k];
        } else if (digits[k] <= 3 && a < 0) {
          a = value[k];
        }
      }
      if (a < 0 || a > MAX_AGE || reference - a < MIN_YEAR) {
        why = "not an age";
        return null;
      }
      return new DateReading(PartialDate.ofYear(reference - a), true, false);
    }

    private DateReading marked() {
      int y = 0;
      int m = 0;
      int d = 0;
      for (int k = 0; k < count; k++) {
        switch (marker[k]) {
          case 'y' -> y = year(value[k], digits[k]);
          case 'm' -> m = value[k];
          case 'd' -> d = value[k];
          default -> {
            if (y == 0 && digits[k] == 4) {
              y = value[k];
            } else {
              return null;
            }
          }
        }
      }
      return y == 0 || d != 0 && m == 0 ? null : make(y, m, d, false);
    }

    /** A month written as a word: the numbers are a year and perhaps a day. */
    private DateReading named() {
      int[] v = value;
      int[] n = digits;
      if (count == 1) {
        int y = n[0] == 4 ? v[0] : n[0] == 2 && v[0] > 31 ? year(v[0], 2) : 0;
        return y == 0 ? null : make(y, month, 0, false);
      }
      if (count != 2) {
        return null;
      }
      int yearAt;
      if (n[0] == 4 || n[1] == 4) {
        yearAt = n[0] == 4 ? 0 : 1;
      } else {
        yearAt = v[0] > 31 ? 0 : 1;
      }
      int dayAt = 1 - yearAt;
      if (n[dayAt] > 2) {
        return null;
      }
      return make(year(v[yearAt], n[yearAt]), month, v[dayAt], false);
    }

    private DateReading numeric() {
      int[] v = value;
      int[] n = digits;
      switch (count) {
        case 1 -> {
          return single(v[0], n[0]);
        }
        case 2 -> {
          if (n[0] == 4 && n[1] <= 2) {
            return make(v[0], v[1], 0, false);
          }
          if (n[0] <= 2 && n[1] == 4) {
            return make(v[1], v[0], 0, false);
          }
          return null;
        }
        case 3 -> {
          if (n[0] == 4 && n[1] <= 2 && n[2] <= 2) {
            return make(v[0], v[1], v[2], false);
          }
          if (n[0] <= 2 && n[1] <= 2 && n[2] == 4) {
            return dayMonth(v[0], v[1], v[2]);
          }
          if (n[0] <= 2 && n[1] <= 2 && n[2] <= 2) {
            // 75.3.9 (Korean short form) or 9/3/75: the separator decides, the other reading is
            // the fallback when the first is impossible
            boolean preferFirst = v[0] > 31 || n[0] == 2 && separator != '/';
            DateReading first =
                preferFirst
                    ? make(year(v[0], 2), v[1], v[2], false)
                    : dayMonth(v[0], v[1], year(v[2], 2));
            if (first != null) {
              return first;
            }
            return preferFirst
                ? dayMonth(v[0], v[1], year(v[2], 2))
                : make(year(v[0], 2), v[1], v[2], false);
          }
          return null;
        }
        default -> {
          return null;
        }
      }
    }

    /** d/m/y or m/d/y: the only possible reading, or day first marked ambiguous (class doc). */
    private DateReading dayMonth(int a, int b, int y) {
      if (a > 12 && b <= 12) {
        return make(y, b, a, false);
      }
      if (b > 12 && a <= 12) {
        return make(y, a, b, false);
      }
      if (a > 12) {
        why = "not a real date whether read day/month/year or month/day/year";
        return null;
      }
      return make(y, b, a, a != b && a != 0 && b != 0);
    }

    private DateReading single(int v, int n) {
      switch (n) {
        case 8 -> {
          DateReading d = make(v / 10000, v / 100 % 100, v % 100, false);
          if (d != null) {
            return d;
          }
          String first = why;
          d = dayMonth(v / 1000000, v / 10000 % 100, v % 10000);
          why = d == null ? first : null;
          return d;
        }
        case 6 -> {
          DateReading d = make(v / 100, v % 100, 0, false);
          return d != null ? d : make(year(v / 10000, 2), v / 100 % 100, v % 100, false);
        }
        case 4 -> {
          return make(v, 0, 0, false);
        }
        case 1, 2 -> {
          return make(year(v, 2), 0, 0, false);
        }
        default -> {
          return null;
        }
      }
    }

    private DateReading make(int y, int m, int d, boolean ambiguous) {
      if (y < MIN_YEAR || y > MAX_YEAR) {
        why = "the year " + y + " is not a year of a life (" + MIN_YEAR + "-" + MAX_YEAR + ")";
        return null;
      }
      if (m > 12) {
        why = "not a real date: there is no month " + m;
        return null;
      }
      if (d != 0 && m == 0) {
        why = "not a real date";
        return null;
      }
      if (d != 0 && d > LocalDate.of(y, m, 1).lengthOfMonth()) {
        why = "not a real date: month " + m + " of " + y + " has no day " + d;
        return null;
      }
      why = null;
      return new DateReading(new PartialDate(y, m, d), false, ambiguous);
    }
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** A four-digit year as it is; a two-digit one through the fixed pivot (00–29 → 20xx). */
  private static int year(int v, int digits) {
    if (digits > 2) {
      return v;
    }
    return v < PIVOT ? 2000 + v : 1900 + v;
  }
}
