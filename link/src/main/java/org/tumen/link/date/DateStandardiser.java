package org.tumen.link.date;

import java.time.Year;
import java.util.Optional;
import org.tumen.link.name.TextFold;

/**
 * Reads a birth date written in any of the common ways into a {@link StandardDate}. Accepted, with
 * full-width digits folded by NFKC:
 *
 * <ul>
 *   <li>year first: 1975-03-09, 1975/03/09, 1975.3.9, 19750309, 1975-03, 1975;
 *   <li>year last: 09/03/1975 (day first, the reading kept when day and month are both ≤ 12, which
 *       is then flagged {@link StandardDate#dayMonthAmbiguous()}), 03/25/1975 (month first when
 *       only that reading is possible), 03/1975;
 *   <li>Korean and Chinese: 1975년 3월 9일, 1975년 3월, 1975년, 1975年3月9日;
 *   <li>English month names: March 1975, 9 Mar 1975, Mar 9, 1975, 9th of March 1975;
 *   <li>two-digit years: 75, 75.3.9 (year first with dots or dashes), 9/3/75 (year last with
 *       slashes). The pivot is fixed so that results never depend on the day the program runs:
 *       00–29 are 2000–2029, 30–99 are 1930–1999;
 *   <li>ages: "34세", "34살", "34岁", "age 34", "aged 34", "34 years old", "age 34 in 2003", "2003년
 *       34세". The year is the reference year minus the age and is flagged {@link
 *       StandardDate#ageDerived()} (it may be one year early).
 * </ul>
 *
 * Anything else, and any impossible date (1975-02-30, month 13), gives an empty result: user data
 * never raise an exception. Immutable and thread-safe.
 */
public final class DateStandardiser {

  private static final int MAX_NUMBERS = 4;
  private static final int MAX_AGE = 120;
  private static final int PIVOT = 30;
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private final int referenceYear;

  /** Reads bare ages ("34세") against the current year; prefer {@link #DateStandardiser(int)}. */
  public DateStandardiser() {
    this(Year.now().getValue());
  }

  /** Reads bare ages against the year the list was made (a 34-year-old in 2003 → 1969). */
  public DateStandardiser(int referenceYear) {
    if (referenceYear < StandardDate.MIN_YEAR || referenceYear > StandardDate.MAX_YEAR) {
      throw new IllegalArgumentException("reference year out of range: " + referenceYear);
    }
    this.referenceYear = referenceYear;
  }

  /** The date in the text, or empty if the text holds no possible date. Never throws. */
  public Optional<StandardDate> parse(String text) {
    String s = TextFold.clean(text);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Tokens t = new Tokens();
    if (!t.scan(s)) {
      return Optional.empty();
    }
    StandardDate d = t.age ? age(t) : t.marked ? marked(t) : t.month > 0 ? named(t) : numeric(t);
    return Optional.ofNullable(d);
  }

  /** The tokens of one date text: up to four numbers with their digit counts and markers. */
  private static final class Tokens {
    final int[] value = new int[MAX_NUMBERS];
    final int[] digits = new int[MAX_NUMBERS];

    /** 'y', 'm', 'd' or 'a' (age) from a following Korean/Chinese marker, else 0. */
    final char[] marker = new char[MAX_NUMBERS];

    int count;
    int month;
    boolean age;
    boolean marked;
    char separator;

    /** Returns false when the text cannot be a date (too many numbers, a huge number). */
    boolean scan(String s) {
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
          word(s.substring(i, j).toLowerCase(java.util.Locale.ROOT));
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

    private void word(String w) {
      switch (w) {
        case "age", "aged", "years", "year", "yrs", "yo", "old" -> age = true;
        default -> {
          if (w.length() >= 3 && month == 0) {
            String p = w.substring(0, 3);
            for (int k = 0; k < MONTHS.length; k++) {
              if (MONTHS[k].equals(p) && MONTHS_FULL[k].startsWith(w)) {
                month = k + 1;
              }
            }
          }
        }
      }
    }
  }

  private static final String[] MONTHS_FULL = {
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

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private StandardDate age(Tokens t) {
    int age = -1;
    int reference = referenceYear;
    for (int k = 0; k < t.count; k++) {
      if (t.digits[k] == 4 && t.marker[k] != 'a') {
        reference = t.value[k];
      } else if (t.digits[k] <= 3 && age < 0) {
        age = t.value[k];
      }
    }
    if (age < 0 || age > MAX_AGE) {
      return null;
    }
    return make(reference - age, 0, 0, true, false);
  }

  private static StandardDate marked(Tokens t) {
    int y = 0;
    int m = 0;
    int d = 0;
    for (int k = 0; k < t.count; k++) {
      switch (t.marker[k]) {
        case 'y' -> y = year(t.value[k], t.digits[k]);
        case 'm' -> m = t.value[k];
        case 'd' -> d = t.value[k];
        default -> {
          if (y == 0 && t.digits[k] == 4) {
            y = t.value[k];
          } else {
            return null;
          }
        }
      }
    }
    return y == 0 || d != 0 && m == 0 ? null : make(y, m, d, false, false);
  }

  /** A month written as a word: the numbers are a year and perhaps a day. */
  private static StandardDate named(Tokens t) {
    int[] v = t.value;
    int[] n = t.digits;
    if (t.count == 1) {
      int y = n[0] == 4 ? v[0] : n[0] == 2 && v[0] > 31 ? year(v[0], 2) : 0;
      return y == 0 ? null : make(y, t.month, 0, false, false);
    }
    if (t.count != 2) {
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
    return make(year(v[yearAt], n[yearAt]), t.month, v[dayAt], false, false);
  }

  private static StandardDate numeric(Tokens t) {
    int[] v = t.value;
    int[] n = t.digits;
    switch (t.count) {
      case 1 -> {
        return single(v[0], n[0]);
      }
      case 2 -> {
        if (n[0] == 4 && n[1] <= 2) {
          return make(v[0], v[1], 0, false, false);
        }
        if (n[0] <= 2 && n[1] == 4) {
          return make(v[1], v[0], 0, false, false);
        }
        return null;
      }
      case 3 -> {
        if (n[0] == 4 && n[1] <= 2 && n[2] <= 2) {
          return make(v[0], v[1], v[2], false, false);
        }
        if (n[0] <= 2 && n[1] <= 2 && n[2] == 4) {
          return dayMonth(v[0], v[1], v[2]);
        }
        if (n[0] <= 2 && n[1] <= 2 && n[2] <= 2) {
          // 75.3.9 (Korean short form) or 9/3/75: the separator decides, the other reading is
          // the fallback when the first is impossible
          StandardDate yearFirst = make(year(v[0], 2), v[1], v[2], false, false);
          StandardDate yearLast = dayMonth(v[0], v[1], year(v[2], 2));
          boolean preferFirst = v[0] > 31 || n[0] == 2 && t.separator != '/';
          return preferFirst
              ? (yearFirst != null ? yearFirst : yearLast)
              : (yearLast != null ? yearLast : yearFirst);
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /** d/m/y or m/d/y: keep the only possible reading, or day-first with the ambiguity flagged. */
  private static StandardDate dayMonth(int a, int b, int y) {
    if (a > 12 && b <= 12) {
      return make(y, b, a, false, false);
    }
    if (b > 12 && a <= 12) {
      return make(y, a, b, false, false);
    }
    return make(y, b, a, false, a != b && a != 0 && b != 0);
  }

  private static StandardDate single(int v, int digits) {
    switch (digits) {
      case 8 -> {
        StandardDate d = make(v / 10000, v / 100 % 100, v % 100, false, false);
        return d != null ? d : dayMonth(v / 1000000, v / 10000 % 100, v % 10000);
      }
      case 6 -> {
        StandardDate d = make(v / 100, v % 100, 0, false, false);
        return d != null ? d : make(year(v / 10000, 2), v / 100 % 100, v % 100, false, false);
      }
      case 4 -> {
        return make(v, 0, 0, false, false);
      }
      case 1, 2 -> {
        return make(year(v, 2), 0, 0, false, false);
      }
      default -> {
        return null;
      }
    }
  }

  /** A four-digit year as it is; a two-digit one through the fixed pivot (00–29 → 20xx). */
  private static int year(int v, int digits) {
    if (digits > 2) {
      return v;
    }
    return v < PIVOT ? 2000 + v : 1900 + v;
  }

  private static StandardDate make(int y, int m, int d, boolean age, boolean ambiguous) {
    if (!StandardDate.isValid(y, m, d) || ambiguous && (d > 12 || d == 0)) {
      return null;
    }
    return new StandardDate(y, m, d, age, ambiguous);
  }
}
