package org.tumen.link.place;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tumen.link.name.HangulText;
import org.tumen.link.name.TextFold;
import org.tumen.model.DprkProvince;

/**
 * Recognises the first-level divisions of the DPRK ({@link DprkProvince}), and the cities people
 * name instead of their province (청진 Chongjin → North Hamgyong, 혜산 Hyesan → Ryanggang …), in the
 * spellings that lists use: Hangul full and short forms (함경북도, 함북; ROK and DPRK spellings 량강도/양강도),
 * Hanja and simplified Chinese (咸鏡北道, 咸镜北道), English (North Hamgyong, N. Hamgyong, Hamgyong North),
 * and romanized Korean in McCune–Reischauer, the DPRK system and RR (Hamgyŏng-pukto,
 * Hamgyongbuk-do, Hamgyeongbuk-do). Immutable and thread-safe.
 *
 * <p>Latin text is reduced to a phonetic key before look-up — letters only, then the differences
 * between romanizations folded (eo/ŏ → o, eu/ŭ → u, ae → e, aspirate h and apostrophes dropped,
 * k/g, t/d, p/b, ch/j merged) — so that the table lists each name once per spelling family.
 */
public final class Gazetteer {

  private static final Map<String, DprkProvince> BY_KEY = new HashMap<>();

  /** Korean suffixes meaning province or city, stripped when the whole text is not found. */
  private static final String[] HANGUL_SUFFIXES = {"특별시", "직할시", "시", "도"};

  private static final String[] HAN_SUFFIXES = {"特別市", "特别市", "直轄市", "直辖市", "市", "道", "省"};
  private static final String[] LATIN_SUFFIXES = {
    "specialcity",
    "directlygovernedcity",
    "jikhalsi",
    "chikhalsi",
    "tukpyolsi",
    "tukpyorsi",
    "tukpyeolsi",
    "province",
    "prov",
    "city",
    "si",
    "to"
  };

  static {
    // province | Hangul forms | Han forms | Latin stems | direction (n/s/-)
    add(
        DprkProvince.NORTH_HAMGYONG,
        "함경북도 함경북 함북",
        "咸鏡北道 咸镜北道 咸北",
        "hamgyong hamkyong hamgyeong",
        'n');
    add(
        DprkProvince.SOUTH_HAMGYONG,
        "함경남도 함경남 함남",
        "咸鏡南道 咸镜南道 咸南",
        "hamgyong hamkyong hamgyeong",
        's');
    add(
        DprkProvince.RYANGGANG,
        "량강도 양강도 량강 양강",
        "兩江道 两江道 兩江 两江",
        "ryanggang yanggang ryangkang",
        '-');
    add(DprkProvince.CHAGANG, "자강도 자강", "慈江道 慈江", "chagang jagang", '-');
    add(DprkProvince.NORTH_PYONGAN, "평안북도 평안북 평북", "平安北道 平北", "pyongan pyeongan phyongan", 'n');
    add(DprkProvince.SOUTH_PYONGAN, "평안남도 평안남 평남", "平安南道 平南", "pyongan pyeongan phyongan", 's');
    add(DprkProvince.NORTH_HWANGHAE, "황해북도 황해북 황북", "黃海北道 黄海北道 黃北 黄北", "hwanghae", 'n');
    add(DprkProvince.SOUTH_HWANGHAE, "황해남도 황해남 황남", "黃海南道 黄海南道 黃南 黄南", "hwanghae", 's');
    add(DprkProvince.KANGWON, "강원도 강원", "江原道 江原", "kangwon gangwon", '-');
    add(
        DprkProvince.PYONGYANG,
        "평양직할시 평양시 평양",
        "平壤直轄市 平壤直辖市 平壤市 平壤",
        "pyongyang pyeongyang phyongyang",
        '-');
    add(
        DprkProvince.RASON,
        "라선특별시 라선시 라선 나선",
        "羅先特別市 罗先特别市 羅先 罗先",
        "rason raseon naseon rajinsonbong",
        '-');
    add(DprkProvince.NAMPO, "남포특별시 남포시 남포", "南浦特別市 南浦特别市 南浦市 南浦", "nampo namp'o nampho", '-');
    // short forms in English: "Hambuk", "Pyongbuk" … (the Korean abbreviations romanized)
    addLatin(DprkProvince.NORTH_HAMGYONG, "hambuk hampuk");
    addLatin(DprkProvince.SOUTH_HAMGYONG, "hamnam");
    addLatin(DprkProvince.NORTH_PYONGAN, "pyongbuk pyeongbuk");
    addLatin(DprkProvince.SOUTH_PYONGAN, "pyongnam pyeongnam");
    addLatin(DprkProvince.NORTH_HWANGHAE, "hwangbuk");
    addLatin(DprkProvince.SOUTH_HWANGHAE, "hwangnam");
    // cities people name as a birthplace instead of their province: provincial capitals and the
    // border cities most crossers come from (Hangul | Han | Latin spellings)
    city(DprkProvince.NORTH_HAMGYONG, "청진|清津|chongjin chungjin cheongjin");
    city(DprkProvince.NORTH_HAMGYONG, "회령|會寧 会宁|hoeryong hoeryeong hweryong");
    city(DprkProvince.NORTH_HAMGYONG, "무산|茂山|musan");
    city(DprkProvince.NORTH_HAMGYONG, "온성|穩城 稳城|onsong onseong");
    city(DprkProvince.NORTH_HAMGYONG, "김책|金策|kimchaek gimchaek");
    city(DprkProvince.NORTH_HAMGYONG, "길주|吉州|kilju gilju");
    city(DprkProvince.SOUTH_HAMGYONG, "함흥|咸興 咸兴|hamhung hamheung");
    city(DprkProvince.SOUTH_HAMGYONG, "흥남|興南 兴南|hungnam heungnam");
    city(DprkProvince.SOUTH_HAMGYONG, "단천|端川|tanchon dancheon");
    city(DprkProvince.SOUTH_HAMGYONG, "신포|新浦|sinpo shinpo");
    city(DprkProvince.RYANGGANG, "혜산|惠山|hyesan");
    city(DprkProvince.RYANGGANG, "삼지연|三池淵 三池渊|samjiyon samjiyeon");
    city(DprkProvince.CHAGANG, "강계|江界|kanggye ganggye");
    city(DprkProvince.CHAGANG, "만포|滿浦 满浦|manpo");
    city(DprkProvince.CHAGANG, "희천|熙川|huichon huicheon");
    city(DprkProvince.NORTH_PYONGAN, "신의주|新義州 新义州|sinuiju shinuiju sinujiu");
    city(DprkProvince.NORTH_PYONGAN, "정주|定州|chongju jeongju");
    city(DprkProvince.NORTH_PYONGAN, "구성|龜城 龟城|kusong guseong");
    city(DprkProvince.SOUTH_PYONGAN, "평성|平城|pyongsong pyeongseong");
    city(DprkProvince.SOUTH_PYONGAN, "순천|順川 顺川|sunchon suncheon");
    city(DprkProvince.SOUTH_PYONGAN, "안주|安州|anju");
    city(DprkProvince.SOUTH_PYONGAN, "개천|价川|kaechon gaecheon");
    city(DprkProvince.NORTH_HWANGHAE, "사리원|沙里院|sariwon");
    city(DprkProvince.NORTH_HWANGHAE, "송림|松林|songrim songnim");
    city(DprkProvince.NORTH_HWANGHAE, "개성|開城 开城|kaesong gaesong");
    city(DprkProvince.SOUTH_HWANGHAE, "해주|海州|haeju");
    city(DprkProvince.KANGWON, "원산|元山|wonsan");
    city(DprkProvince.KANGWON, "문천|文川|munchon muncheon");
  }

  public Gazetteer() {
    // the table is static and built once
  }

  /**
   * The {@link DprkProvince#name()} of a recognised province or city ("NORTH_HAMGYONG"), or else
   * the folded text (lower case, accents and punctuation stripped, spaces collapsed); "" for blank.
   * Recognised names are upper case, folded text lower case, so the two never meet by accident.
   * Places the table does not know are compared by their phonetic {@link #key}.
   */
  public String canonical(String placeText) {
    Optional<DprkProvince> p = province(placeText);
    return p.isPresent() ? p.get().name() : TextFold.words(placeText);
  }

  /**
   * The phonetic key of a place written in any script the table does not know: Hangul read in the
   * canonical romanization, Latin letters folded as romanizations differ ({@link #phonetic}),
   * spaces and punctuation dropped; Han characters and other scripts as folded. 함경 북도 and Hamgyong
   * Pukto have one key, so a place the table lacks is still compared by how it sounds.
   */
  public static String key(String placeText) {
    String w = TextFold.words(placeText).replace(" ", "");
    if (HangulText.hasHangul(w)) {
      w = HangulText.romanized(w);
    }
    return isLatin(w) ? phonetic(w) : w;
  }

  /**
   * The province or directly governed city named by the text, if it is one of the table's or a
   * spelling close to exactly one of them. The table is help, not a gate: "Hamkyung Bukdo" is one
   * letter from the table's Hamgyongbuk-do after romanization differences are folded, and is read
   * as North Hamgyong.
   */
  public Optional<DprkProvince> province(String placeText) {
    String w = TextFold.words(placeText);
    if (w.isEmpty()) {
      return Optional.empty();
    }
    String compact = w.replace(" ", "");
    DprkProvince p = BY_KEY.get(compact);
    if (p == null) {
      p = isLatin(compact) ? latin(compact) : cjk(compact);
    }
    if (p == null && HangulText.hasHangul(compact)) {
      String roman = HangulText.romanized(compact);
      p = isLatin(roman) ? latin(roman) : null;
    }
    return Optional.ofNullable(p);
  }

  /**
   * The one province whose Latin keys lie nearest a key no table entry spells, if it is within the
   * edits a spelling variant makes (one in a key of eight letters or more, two from twelve on) and
   * no other province is as near. Shorter keys are left alone: one letter turns Kusong (구성) into
   * Kasong, and a city name of five letters is too often one edit from another's.
   */
  private static DprkProvince nearest(String key) {
    int allowed = key.length() >= 12 ? 2 : key.length() >= 8 ? 1 : 0;
    if (allowed == 0) {
      return null;
    }
    DprkProvince best = null;
    int bestDistance = allowed + 1;
    boolean tie = false;
    for (Map.Entry<String, DprkProvince> e : BY_KEY.entrySet()) {
      String k = e.getKey();
      if (!isLatin(k) || Math.abs(k.length() - key.length()) > allowed) {
        continue;
      }
      int d = Edits.distance(key, k, allowed);
      if (d < bestDistance) {
        bestDistance = d;
        best = e.getValue();
        tie = false;
      } else if (d == bestDistance && best != e.getValue()) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  private static DprkProvince cjk(String compact) {
    for (String[] suffixes : new String[][] {HANGUL_SUFFIXES, HAN_SUFFIXES}) {
      for (String s : suffixes) {
        if (compact.endsWith(s) && compact.length() > s.length()) {
          DprkProvince p = BY_KEY.get(compact.substring(0, compact.length() - s.length()));
          if (p != null) {
            return p;
          }
        }
      }
    }
    return null;
  }

  private static DprkProvince latin(String compact) {
    String key = phonetic(compact);
    DprkProvince p = BY_KEY.get(key);
    for (int i = 0; p == null && i < LATIN_SUFFIXES.length; i++) {
      String s = phonetic(LATIN_SUFFIXES[i]);
      if (key.endsWith(s) && key.length() > s.length() + 2) {
        p = BY_KEY.get(key.substring(0, key.length() - s.length()));
      }
    }
    return p != null ? p : nearest(key);
  }

  private static boolean isLatin(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static void add(
      DprkProvince p, String hangul, String han, String latinStems, char direction) {
    for (String h : hangul.split(" ")) {
      put(h, p);
    }
    for (String h : han.split(" ")) {
      put(h, p);
    }
    put(phonetic(TextFold.asciiKey(p.english())), p);
    for (String stem : latinStems.split(" ")) {
      String s = TextFold.asciiKey(stem);
      if (direction == '-') {
        for (String suffix : new String[] {"", "do", "to"}) {
          put(phonetic(s + suffix), p);
        }
        continue;
      }
      String[] english =
          direction == 'n'
              ? new String[] {"north", "n", "northern"}
              : new String[] {"south", "s", "southern"};
      String[] korean =
          direction == 'n'
              ? new String[] {"bukdo", "pukto", "buk", "puk"}
              : new String[] {"namdo", "namto", "nam"};
      for (String e : english) {
        put(phonetic(e + s), p);
        put(phonetic(s + e), p);
      }
      for (String k : korean) {
        put(phonetic(s + k), p);
      }
    }
  }

  /**
   * A city: "Hangul | Han forms | Latin spellings"; "시"/"市"/"City" suffixes are stripped on
   * look-up.
   */
  private static void city(DprkProvince p, String forms) {
    String[] f = forms.split("\\|");
    put(f[0], p);
    for (String h : f[1].split(" ")) {
      put(h, p);
    }
    for (String l : f[2].split(" ")) {
      put(phonetic(l), p);
    }
  }

  private static void addLatin(DprkProvince p, String forms) {
    for (String f : forms.split(" ")) {
      put(phonetic(f), p);
    }
  }

  private static void put(String key, DprkProvince p) {
    DprkProvince old = BY_KEY.putIfAbsent(key, p);
    if (old != null && old != p) {
      throw new IllegalStateException("place key for two provinces: " + key);
    }
  }

  /**
   * Folds romanization differences in lower-case ASCII letters: eo → o, eu → u, ae → e, aspirate h
   * after a stop dropped (ph, th, kh, ch' written ch), ch/j → j, g → k except in ng, d → t, b → p,
   * l → r. "Hamgyŏng-pukto" and "Hamgyongbuk-do" both give hamkyongpukto.
   */
  static String phonetic(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      char prev = b.length() == 0 ? 0 : b.charAt(b.length() - 1);
      if (c == 'e' && (next == 'o' || next == 'u')) {
        continue; // eo → o, eu → u
      }
      if (c == 'a' && next == 'e') {
        continue; // ae → e
      }
      if (c == 'h' && (prev == 'p' || prev == 't' || prev == 'k')) {
        continue;
      }
      if (c == 'c' && next == 'h') {
        b.append('j');
        i++;
        continue;
      }
      switch (c) {
        case 'g' -> b.append(prev == 'n' ? 'g' : 'k');
        case 'd' -> b.append('t');
        case 'b' -> b.append('p');
        case 'l' -> b.append('r');
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
