package org.tumen.document.search;

import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;

/**
 * The languages the search analyses, each in its own field: Korean with Nori (morphological, so
 * 체포되었다 is indexed as 체포), Chinese with SmartCN (word segmentation), anything else with the English
 * analyzer (stemming, stop words). Every analyzer also tokenises Latin letters, so a romanised name
 * inside a Korean or Chinese testimony is still found.
 */
enum TextLanguage {
  KOREAN("ko"),
  CHINESE("zh"),
  ENGLISH("en");

  final String field;

  TextLanguage(String code) {
    this.field = "text_" + code;
  }

  Analyzer analyzer() {
    return switch (this) {
      case KOREAN -> new KoreanAnalyzer();
      case CHINESE -> new SmartChineseAnalyzer();
      case ENGLISH -> new EnglishAnalyzer();
    };
  }

  /**
   * The source's declared language when it is one of ours; otherwise (an event summary has none, a
   * source may not say) the script most of the text's letters are written in.
   */
  static TextLanguage of(Optional<String> languageTag, String text) {
    if (languageTag.isPresent()) {
      String lang = Locale.forLanguageTag(languageTag.get()).getLanguage();
      if (lang.equals("ko")) {
        return KOREAN;
      }
      if (lang.equals("zh")) {
        return CHINESE;
      }
      if (!lang.isEmpty()) {
        return ENGLISH;
      }
    }
    return byScript(text);
  }

  static TextLanguage byScript(String text) {
    int hangul = 0;
    int han = 0;
    int other = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (!Character.isLetter(c)) {
        continue;
      }
      Character.UnicodeScript s = Character.UnicodeScript.of(c);
      if (s == Character.UnicodeScript.HANGUL) {
        hangul++;
      } else if (s == Character.UnicodeScript.HAN) {
        han++;
      } else {
        other++;
      }
    }
    if (hangul > 0 && hangul >= han && hangul * 2 >= other) {
      return KOREAN;
    }
    if (han > 0 && han * 2 >= other) {
      return CHINESE;
    }
    return ENGLISH;
  }
}
