package org.tumen.link.name;

import java.util.ArrayList;
import java.util.List;

/**
 * Word boundaries of a romanized name restored from its capitals. Lists write each word of a name
 * with a capital, so a capital inside a word, or a word that starts in lower case after a
 * capitalised one, shows where a typist moved or dropped a space: "Yong JunK im" is Yong Jun Kim,
 * "Sunhy eIm" Sunhye Im, "SinOk-hyon" Sin Ok-hyon, "KimY ong Jun" Kim Yong Jun; and a name that
 * starts with a lower-case letter before a capital had its first two letters swapped ("aBk Ok Jin"
 * is Bak Ok Jin). Text written all in one case, or with capitals only at word starts, is returned
 * as it is.
 */
final class WordBoundaries {

  private WordBoundaries() {}

  /** The name with the word boundaries its capitals show. */
  static String repaired(String name) {
    if (!misplaced(name)) {
      return name;
    }
    String t = name.strip();
    if (t.length() > 1 && isLower(t.charAt(0)) && isUpper(t.charAt(1))) {
      t = t.charAt(1) + "" + t.charAt(0) + t.substring(2);
    }
    List<String> out = new ArrayList<>();
    for (String token : t.split(" +")) {
      int k = 0;
      while (k < token.length() && isLower(token.charAt(k))) {
        k++;
      }
      String rest = token;
      if (!out.isEmpty() && k > 0 && k < token.length() && isUpper(token.charAt(k))) {
        // "Sunhy eIm": lower-case letters that start a word end the word before
        out.set(out.size() - 1, out.get(out.size() - 1) + token.substring(0, k));
        rest = token.substring(k);
      } else if (!out.isEmpty() && k == token.length() && k > 0 && endsWithCapital(out)) {
        // "JunK im": the capital ended the word before; the rest of its word follows
        out.set(out.size() - 1, out.get(out.size() - 1) + token);
        continue;
      }
      // "SinOk-hyon": a capital after a lower-case letter starts a word
      int from = 0;
      for (int i = 1; i < rest.length(); i++) {
        if (isLower(rest.charAt(i - 1)) && isUpper(rest.charAt(i))) {
          out.add(rest.substring(from, i));
          from = i;
        }
      }
      if (from < rest.length()) {
        out.add(rest.substring(from));
      }
    }
    return String.join(" ", out);
  }

  private static boolean endsWithCapital(List<String> out) {
    String last = out.get(out.size() - 1);
    return last.length() == 1 && isUpper(last.charAt(0));
  }

  /**
   * Whether the name mixes cases in a way that word-initial capitals do not explain: a capital
   * right after a lower-case letter, or a word starting in lower case before a capital.
   */
  private static boolean misplaced(String name) {
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < name.length(); i++) {
      upper |= isUpper(name.charAt(i));
      lower |= isLower(name.charAt(i));
    }
    if (!upper || !lower) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (isLower(name.charAt(i - 1)) && isUpper(name.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}
