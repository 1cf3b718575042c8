package org.tumen.link;

/**
 * Compares two standardised records field by field into agreement levels (Fellegi and Sunter 1969,
 * the comparison vector γ). A pattern packs the levels into a long, four bits per field, {@link
 * Field#MISSING} for a missing value. Nothing here allocates. Not thread-safe: one per thread.
 */
final class Comparison {

  private final Records rs;
  private final Field.Kind[] kinds;
  private final JaroWinkler jw = new JaroWinkler();

  Comparison(Records rs) {
    this.rs = rs;
    kinds = new Field.Kind[rs.fields.size()];
    for (int f = 0; f < kinds.length; f++) {
      kinds[f] = rs.fields.get(f).kind();
    }
  }

  /** Name levels, in {@link Field#NAME_LEVELS}' order. */
  static final int NAME_EXACT = 0;

  static final int NAME_VARIANT = 1;
  static final int NAME_REORDERED = 2;
  static final int NAME_SIMILAR_94 = 3;
  static final int NAME_SIMILAR_85 = 4;
  static final int NAME_DIFFERENT = 5;

  static int level(long pattern, int f) {
    return (int) (pattern >>> (4 * f)) & 0xF;
  }

  /** The comparison vector of records a and b; symmetric in a and b. */
  long pattern(int a, int b) {
    long p = 0;
    for (int f = 0; f < kinds.length; f++) {
      p |= (long) level(f, a, b) << (4 * f);
    }
    int s = rs.surnameField;
    int g = rs.givenField;
    if (s >= 0 && g >= 0 && level(p, s) > 1 && level(p, g) > 1 && swapped(a, b)) {
      // Surname and given name written in the other order: the same evidence as agreement.
      p &= ~((0xFL << (4 * s)) | (0xFL << (4 * g)));
    } else if (s >= 0
        && g >= 0
        && level(p, s) > 1
        && level(p, g) > 1
        && rs.nameBag[a] >= 0
        && rs.nameBag[a] == rs.nameBag[b]) {
      // The same syllables, read with another word as the surname (Jong Ho Kang and 강정호): a
      // variant of both names.
      p &= ~((0xFL << (4 * s)) | (0xFL << (4 * g)));
      p |= (1L << (4 * s)) | (1L << (4 * g));
    }
    return p;
  }

  private boolean swapped(int a, int b) {
    int[] se = rs.exact[rs.surnameField];
    int[] ge = rs.exact[rs.givenField];
    return se[a] >= 0 && ge[a] >= 0 && se[a] == ge[b] && ge[a] == se[b];
  }

  int level(int f, int a, int b) {
    int va = rs.value[f][a];
    int vb = rs.value[f][b];
    if (va < 0 || vb < 0) {
      return Field.MISSING;
    }
    return switch (kinds[f]) {
      case SURNAME, GIVEN, NAME_PART -> name(f, a, b, va, vb);
      case DATE -> date(va, vb);
      case YEAR -> year(va, vb);
      case SEX, EXACT -> va == vb ? 0 : 1;
      case PLACE -> place(f, va, vb);
      case CODE -> va == vb ? 0 : oneEdit(rs.text[f][va], rs.text[f][vb]) ? 1 : 2;
      case TEXT -> {
        if (va == vb) {
          yield 0;
        }
        double sim = similarity(f, va, vb);
        yield sim >= 0.92 ? 1 : sim >= 0.80 ? 2 : 3;
      }
    };
  }

  private int name(int f, int a, int b, int va, int vb) {
    if (va == vb) {
      return rs.exact[f][a] == rs.exact[f][b] ? 0 : 1;
    }
    // The loose key meets romanizations that write one vowel two ways (Sun for 선 and 순); two names
    // written in Hangul or Hanja that differ in it are two names (순희, 선희), or a typo.
    if (f == rs.givenField
            && rs.givenLoose[a] == rs.givenLoose[b]
            && !(rs.koreanScript[a] && rs.koreanScript[b])
        || f == rs.surnameField && surnameVariant(a, b)) {
      return 1;
    }
    if (f == rs.surnameField
        && (oneEdit(rs.text[f][va], rs.text[f][vb])
            || nearSpelling(rs.surnameLatin[a], vb)
            || nearSpelling(rs.surnameLatin[b], va)
            || nearHangul(rs.surnameHangul[a], vb)
            || nearHangul(rs.surnameHangul[b], va))) {
      // Surname keys are two to five letters: one keying error is "similar" whatever Jaro says; so
      // is a Latin surname one error from a spelling of the other's (Lo and 이, whose pinyin is Li;
      // U and I): a typo that happens to spell another surname.
      return NAME_SIMILAR_85;
    }
    if (kinds[f] == Field.Kind.GIVEN && reordered(rs.givenRep[a], rs.givenRep[b])) {
      return NAME_REORDERED;
    }
    if (kinds[f] == Field.Kind.GIVEN && oneKeyingError(f, va, vb, rs.givenRep[a], rs.givenRep[b])) {
      // one letter wrong in a Korean given name leaves a Jaro–Winkler near that of two different
      // names that share a syllable (Chol-jun, Chol-jum; Ae-suk, Ar-suk): count it as similar
      return NAME_SIMILAR_94;
    }
    double sim = kinds[f] == Field.Kind.GIVEN ? given(rs.givenRep[a], rs.givenRep[b]) : 0;
    if (sim < 0.94) {
      sim = Math.max(sim, similarity(f, va, vb));
    }
    return sim >= 0.94 ? NAME_SIMILAR_94 : sim >= 0.85 ? NAME_SIMILAR_85 : NAME_DIFFERENT;
  }

  /**
   * Whether two given names have the same syllables in another order (순정 and 정순, Min-guk and 국민):
   * each syllable of one is, up to o/u, a syllable of the other, matched one to one.
   */
  private boolean reordered(int ra, int rb) {
    if (ra < 0 || rb < 0) {
      return false;
    }
    char[][] sa = rs.repSyllables[ra];
    char[][] sb = rs.repSyllables[rb];
    int k = sa.length;
    if (k < 2 || k != sb.length || k > 8) {
      return false;
    }
    int used = 0;
    boolean sameOrder = true;
    for (int i = 0; i < k; i++) {
      int j = 0;
      while (j < k && ((used >>> j & 1) != 0 || syllable(sa[i], sb[j]) < 0.9)) {
        j++;
      }
      if (j == k) {
        return false;
      }
      used |= 1 << j;
      sameOrder &= j == i;
    }
    return !sameOrder;
  }

  /** Whether a loose Latin surname is one keying error from a table spelling of surname value v. */
  private boolean nearSpelling(char[] written, int v) {
    if (written == null || rs.surnameSpellings == null) {
      return false;
    }
    for (char[] spelling : rs.surnameSpellings[v]) {
      if (oneEdit(written, spelling) && !java.util.Arrays.equals(written, spelling)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a Hangul surname is one common confusion from a table Hangul form of value v (성, 서).
   */
  private boolean nearHangul(char written, int v) {
    if (written == 0 || rs.surnameHangulForms == null) {
      return false;
    }
    for (char form : rs.surnameHangulForms[v]) {
      if (org.tumen.link.name.NameStandardiser.confusable(written, form)) {
        return true;
      }
    }
    return false;
  }

  /** Surnames that are one under a loose key, or as written in Latin letters. */
  private boolean surnameVariant(int a, int b) {
    int la = rs.surnameLoose[a];
    int lb = rs.surnameLoose[b];
    int wa = rs.surnameAlternative[a];
    int wb = rs.surnameAlternative[b];
    return la == lb || wa >= 0 && (wa == wb || wa == lb) || wb >= 0 && wb == la;
  }

  /**
   * Whether two given names differ by one keying error (substitution, insertion, deletion or
   * transposition) in their keys, or in their plain letters when neither is written in Chinese
   * characters; names of four letters or more only, where one error still leaves most of the name.
   */
  private boolean oneKeyingError(int f, int va, int vb, int ra, int rb) {
    char[] x = rs.text[f][va];
    char[] y = rs.text[f][vb];
    if (Math.min(x.length, y.length) >= 4 && oneEdit(x, y)) {
      return true;
    }
    if (ra < 0 || rb < 0 || rs.repHan[ra] || rs.repHan[rb]) {
      return false;
    }
    char[] p = rs.repPlain[ra];
    char[] q = rs.repPlain[rb];
    return Math.min(p.length, q.length) >= 4 && oneEdit(p, q);
  }

  /**
   * Given-name similarity as in {@link org.tumen.link.name.NameSimilarity#given}, without
   * allocating: the best of Jaro–Winkler on the canonical keys, a syllable alignment for Korean
   * names of equal length (1 for the same syllable, 0.9 when they differ only in o/u, else half
   * their Jaro–Winkler), and Jaro–Winkler on the plain forms when exactly one side is written in
   * Chinese characters (its plain form is pinyin).
   */
  private double given(int ra, int rb) {
    if (ra < 0 || rb < 0) {
      return 0;
    }
    double best = jw.similarity(rs.repKey[ra], rs.repKey[rb]);
    char[][] sa = rs.repSyllables[ra];
    char[][] sb = rs.repSyllables[rb];
    if (sa.length > 0 && sa.length == sb.length) {
      double sum = 0;
      for (int i = 0; i < sa.length; i++) {
        sum += syllable(sa[i], sb[i]);
      }
      best = Math.max(best, sum / sa.length);
    }
    if (rs.repHan[ra] != rs.repHan[rb]
        && rs.repPlain[ra].length > 0
        && rs.repPlain[rb].length > 0) {
      best = Math.max(best, jw.similarity(rs.repPlain[ra], rs.repPlain[rb]));
    }
    return best;
  }

  private double syllable(char[] x, char[] y) {
    if (java.util.Arrays.equals(x, y)) {
      return 1;
    }
    if (x.length == y.length) {
      boolean loose = true;
      for (int i = 0; i < x.length && loose; i++) {
        char c = x[i];
        char d = y[i];
        loose = c == d || (c == 'u' || c == 'o') && (d == 'u' || d == 'o');
      }
      if (loose) {
        return 0.9;
      }
    }
    return 0.5 * jw.similarity(x, y);
  }

  /**
   * Places: the same province, or the same text; two places the gazetteer does not know that sound
   * alike (the same phonetic key, one edit or Jaro–Winkler ≥ 0.90 between their keys: a village
   * spelt two ways, or in Hangul and in Latin letters); else different. Two different provinces are
   * different however alike their names (North and South Hamgyong).
   */
  private int place(int f, int va, int vb) {
    if (va == vb) {
      return 0;
    }
    char[] x = rs.placeKey[f][va];
    char[] y = rs.placeKey[f][vb];
    if (x == null || y == null) {
      return 2;
    }
    return oneEdit(x, y) || jw.similarity(x, y) >= 0.90 ? 1 : 2;
  }

  private double similarity(int f, int va, int vb) {
    return jw.similarity(rs.text[f][va], rs.text[f][vb]);
  }

  /** Date levels, in {@link Field.Kind#DATE}'s order. */
  static final int DATE_EXACT = 0;

  static final int DATE_TYPO = 1;
  static final int DATE_SAME_MONTH_PARTIAL = 2;
  static final int DATE_SAME_YEAR_PARTIAL = 3;
  static final int DATE_YEAR_1_PARTIAL = 4;
  static final int DATE_YEAR_2_PARTIAL = 5;
  static final int DATE_DAY_YEAR_1 = 6;
  static final int DATE_DAY_YEAR_2 = 7;
  static final int DATE_CONFLICT = 8;
  static final int DATE_DIFFERENT = 9;
  static final int DATE_DIFFERENT_FULL = 10;

  /**
   * Dates packed as yyyymmdd with 0 for unknown parts. Levels: exact; one keying error (one digit,
   * or day and month swapped) between two full dates; same year and month, one without a day; same
   * year, one without a month; years one apart, one without a month; years two apart, one without a
   * month (a year worked out from an age, or a year of birth misremembered, is often one or two
   * off); two full dates with the same month and day and years one apart; the same, two apart; same
   * year but months or days that disagree although both are known (two people more often than one);
   * different, one of them partial; different, both full dates (no keying error explains them: the
   * strongest disagreement, kept apart so that it is not averaged with a year worked out from an
   * age). A partial date is thus judged by what it knows, and a year by its distance; how much each
   * level weighs is the model's to learn.
   */
  static int date(int a, int b) {
    int ya = a / 10000;
    int yb = b / 10000;
    int ma = a / 100 % 100;
    int mb = b / 100 % 100;
    int da = a % 100;
    int db = b % 100;
    boolean bothMonths = ma != 0 && mb != 0;
    boolean bothDays = da != 0 && db != 0;
    int years = Math.abs(ya - yb);
    if (ya == yb) {
      if (!bothMonths) {
        return DATE_SAME_YEAR_PARTIAL;
      }
      if (ma == mb) {
        if (da == db && da != 0) {
          return DATE_EXACT;
        }
        if (!bothDays) {
          return DATE_SAME_MONTH_PARTIAL;
        }
        return oneDigit(da, db) ? DATE_TYPO : DATE_CONFLICT;
      }
      if (bothDays && (ma == db && da == mb || da == db && oneDigit(ma, mb))) {
        return DATE_TYPO;
      }
      return DATE_CONFLICT;
    }
    boolean full = bothMonths && bothDays;
    if (full && ma == mb && da == db) {
      if (years <= 2) {
        return years == 1 ? DATE_DAY_YEAR_1 : DATE_DAY_YEAR_2;
      }
      if (oneDigit(ya, yb)) {
        return DATE_TYPO;
      }
    }
    if (!bothMonths && years <= 2) {
      return years == 1 ? DATE_YEAR_1_PARTIAL : DATE_YEAR_2_PARTIAL;
    }
    return full ? DATE_DIFFERENT_FULL : DATE_DIFFERENT;
  }

  /** Year levels: the same year, one apart, two apart, further. */
  static int year(int a, int b) {
    return Math.min(Math.abs(a - b), 3);
  }

  /** Whether two numbers differ in exactly one decimal digit. */
  private static boolean oneDigit(int x, int y) {
    int diffs = 0;
    while (x > 0 || y > 0) {
      if (x % 10 != y % 10) {
        diffs++;
      }
      x /= 10;
      y /= 10;
    }
    return diffs == 1;
  }

  /** One substitution, insertion, deletion or transposition of neighbours (Damerau 1964). */
  static boolean oneEdit(char[] a, char[] b) {
    if (a.length == b.length) {
      int first = -1;
      int diffs = 0;
      for (int i = 0; i < a.length; i++) {
        if (a[i] != b[i]) {
          if (diffs == 0) {
            first = i;
          }
          diffs++;
        }
      }
      if (diffs <= 1) {
        return true;
      }
      return diffs == 2
          && first + 1 < a.length
          && a[first] == b[first + 1]
          && a[first + 1] == b[first]
          && a[first] != a[first + 1];
    }
    char[] s = a.length < b.length ? a : b;
    char[] l = a.length < b.length ? b : a;
    if (l.length - s.length != 1) {
      return false;
    }
    int i = 0;
    while (i < s.length && s[i] == l[i]) {
      i++;
    }
    for (int j = i; j < s.length; j++) {
      if (s[j] != l[j + 1]) {
        return false;
      }
    }
    return true;
  }
}
