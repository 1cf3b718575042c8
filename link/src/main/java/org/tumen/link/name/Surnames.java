package org.tumen.link.name;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Korean surname table: for each surname its key, its share of the ROK population, its Hangul
 * forms (ROK and DPRK, before and after the initial-sound rule), its Hanja (traditional and
 * simplified) and its Latin spellings (passport, RR, McCune–Reischauer with breves and apostrophes
 * folded away, the DPRK system, Mandarin pinyin of the Hanja). Sources: KOREAN-NAMES.md (variant
 * table, passport shares, the 1996/2007 register rule); population shares are the 2015 ROK census
 * (Statistics Korea), rounded; the table and docs/names.md list the ambiguities.
 *
 * <p>Several Hanja that are one Hangul surname in the ROK share one key (柳 劉 兪 are all 유; 林 and 任
 * are both 임; 鄭 丁 程 are all 정): a list written in Hangul cannot tell them apart, so the key must
 * not either. A Latin spelling that could be two surnames goes to the more common one, and the
 * other is kept as its alternative ({@link #alternative}); docs/names.md lists these choices.
 */
final class Surnames {

  /**
   * One surname of the table.
   *
   * @param key the canonical key
   * @param frequency share of the ROK population
   * @param hangul the ROK Hangul form
   * @param forms every form in the table: Hangul, Hanja and folded Latin spellings
   */
  record Entry(String key, double frequency, String hangul, List<String> forms) {}

  // key | share | Hangul forms | Hanja forms | Latin spellings (folded: lower case, no marks)
  private static final String TABLE =
      """
      kim|0.215|김|金|kim gim kym keem jin
      lee|0.147|이 리|李|lee yi rhee rhie ri i li lie yie ree
      park|0.084|박|朴|park pak bak bahk pahk paak piao
      choi|0.047|최|崔|choi choe chwe choy chey cui
      jung|0.043|정|鄭 郑 丁 程|jung jeong chung chong jong cheong joung jeung zheng ding
      kang|0.024|강|姜 康 強 强 江|kang gang kahng jiang
      cho|0.021|조|趙 赵 曺 曹|cho jo joh joe zhao cao
      yoon|0.021|윤|尹|yoon yun youn yin
      jang|0.020|장|張 张 蔣 蒋 章|jang chang jhang zhang
      lim|0.017|임 림|林 任|lim im yim rim lin ren
      han|0.016|한|韓 韩|han hahn
      oh|0.015|오|吳 吴|oh o wu
      seo|0.015|서|徐|seo suh seoh so xu
      shin|0.015|신|申 辛 愼 慎|shin sin shinn sheen shen xin
      kwon|0.014|권|權 权|kwon gwon kweon quan
      hwang|0.014|황|黃 黄|hwang whang huang
      ahn|0.014|안|安|ahn an
      song|0.014|송|宋|song soung
      yoo|0.013|유 류|柳 劉 刘 兪 俞|yoo yu you ryu ryoo rhyu liu
      jeon|0.011|전|全 田 錢 钱|jeon jun chun jon chon cheun tian
      hong|0.011|홍|洪|hong
      ko|0.009|고|高|ko koh go kho gao
      moon|0.009|문|文|moon mun moun wen
      yang|0.009|양 량|梁 楊 杨|yang ryang liang
      son|0.009|손|孫 孙|son sohn sun
      bae|0.008|배|裵 裴|bae pae pei
      baek|0.008|백|白|baek paek paik baik beak bai
      heo|0.006|허|許 许|heo huh hur ho
      nam|0.006|남|南|nam nan
      sim|0.005|심|沈|sim shim
      noh|0.004|노 로|盧 卢 魯 鲁|noh no ro roh rho lu
      ha|0.005|하|河|ha hah he
      kwak|0.004|곽|郭|kwak gwak kwack guo
      sung|0.004|성|成|sung seong cheng
      cha|0.004|차|車 车|cha chah che
      joo|0.004|주|朱 周|joo ju chu zhu zhou
      woo|0.004|우|禹|woo u
      koo|0.004|구|具 丘 邱|koo ku goo gu
      min|0.003|민|閔 闵|min
      na|0.003|나 라|羅 罗|na ra la rah nah luo
      chin|0.003|진|陳 陈 秦 晉 晋|chin chen qin
      ji|0.003|지|池 智|ji chi chee
      eom|0.003|엄|嚴 严|eom um uhm om yan
      chae|0.003|채|蔡|chae chai cai
      won|0.003|원|元 袁|won weon yuan
      cheon|0.002|천|千 天|cheon qian
      bang|0.002|방|方 房|bang pang fang
      kong|0.002|공|孔|kong gong
      hyun|0.002|현|玄|hyun hyeon hyon xuan
      ham|0.002|함|咸|ham hahm xian
      byun|0.002|변|卞 邊 边|byun byeon pyon pyun bian
      yeom|0.001|염 렴|廉|yeom yum youm yom ryom lian
      yeo|0.001|여 려|呂 吕 余|yeo yoh yo ryo lyu lv
      choo|0.001|추|秋|choo qiu
      do|0.001|도|都 陶|do doh to tao du
      soh|0.001|소|蘇 苏 邵|soh su shao
      seok|0.001|석|石 昔|seok suk sok shi
      seon|0.001|선|宣|seon
      seol|0.001|설|薛|seol sul sol xue
      ma|0.001|마|馬 马|ma
      gil|0.001|길|吉|gil kil
      yeon|0.001|연|延|yeon
      wi|0.001|위|魏 韋 韦|wi wee wei
      pyo|0.001|표|表|pyo pyoh biao
      myung|0.001|명|明|myung myeong myong ming
      ki|0.001|기|奇|ki gi kee qi
      ban|0.001|반|潘|ban pan
      wang|0.0005|왕|王|wang
      geum|0.0005|금|琴|geum keum kum gum
      ok|0.0005|옥|玉|ok ock
      yook|0.0005|육 륙|陸 陆|yook yuk ryuk
      in|0.0005|인|印|in
      maeng|0.0004|맹|孟|maeng meng
      je|0.0004|제|諸 诸|je
      mo|0.0004|모|牟 毛|mo mou mao
      tak|0.0004|탁|卓|tak tahk zhuo
      kook|0.0004|국|鞠 國 国|kook kuk guk
      eun|0.0003|은|殷|eun
      pyeon|0.0003|편|片|pyeon pian
      yong|0.0003|용 룡|龍 龙|yong ryong long
      ye|0.0002|예|芮|ye yeh rui
      eo|0.0002|어|魚 鱼|eo
      namgung|0.0004|남궁|南宮 南宫|namgung namkung namgoong namkoong nangong
      hwangbo|0.0002|황보|皇甫|hwangbo hwangpo huangfu
      jegal|0.0001|제갈|諸葛 诸葛|jegal chegal zhuge
      seonwoo|0.0001|선우|鮮于 鲜于|seonwoo sunwoo seonu sonu sunu xianyu
      dokgo|0.00005|독고|獨孤 独孤|dokgo dokko tokko dukgo dugu
      sagong|0.0001|사공|司空|sagong sakong sikong
      seomun|0.00003|서문|西門 西门|seomun somun seomoon ximen
      """;

  /**
   * McCune–Reischauer spellings that fold (breves and apostrophes dropped) onto a more common
   * surname, looked up before folding: Sŏng is 성 though Song is 송, Sŏn 선 though Son is 손, Ch'u 추
   * though Chu is 주, Ch'ŏn 천 though Chon is 전.
   */
  private static final Map<String, String> MARKED =
      Map.of("sŏng", "sung", "sŏn", "seon", "ch'u", "choo", "ch'ŏn", "cheon");

  /**
   * The second surname a folded Latin spelling may stand for, where the table gives it to the more
   * common one (see the class comment): pinyin Quan is 權 권 and 全 전, Jin 金 김 and 陳 진 …
   */
  private static final Map<String, String> ALTERNATIVE =
      Map.ofEntries(
          Map.entry("quan", "jeon"),
          Map.entry("jin", "chin"),
          Map.entry("xu", "heo"),
          Map.entry("bai", "bae"),
          Map.entry("shen", "sim"),
          Map.entry("lu", "yook"),
          Map.entry("yu", "woo"),
          Map.entry("ju", "koo"),
          Map.entry("chu", "choo"),
          Map.entry("sun", "seon"),
          Map.entry("song", "sung"),
          Map.entry("so", "soh"),
          Map.entry("chon", "cheon"),
          Map.entry("chun", "cheon"),
          Map.entry("jiang", "jang"),
          Map.entry("ji", "gil"),
          Map.entry("yun", "yeon"),
          Map.entry("yan", "yeon"),
          Map.entry("xuan", "seon"),
          Map.entry("cheng", "jung"));

  private static final List<Entry> ENTRIES = new ArrayList<>();
  private static final Map<String, Entry> BY_TEXT = new HashMap<>();
  private static final Map<String, Entry> BY_CANONICAL = new HashMap<>();
  private static final Set<String> TWO_SYLLABLE = new HashSet<>();

  /** Latin spellings and one-syllable Hangul forms with their entries, for {@link #oneEditFrom}. */
  private static final List<Map.Entry<String, Entry>> LATIN = new ArrayList<>();

  private static final List<Map.Entry<String, Entry>> HANGUL_ONE = new ArrayList<>();

  static {
    for (String line : TABLE.split("\n")) {
      String[] f = line.split("\\|");
      String[] hangul = f[2].split(" ");
      List<String> forms = new ArrayList<>();
      forms.addAll(List.of(hangul));
      forms.addAll(List.of(f[3].split(" ")));
      forms.addAll(List.of(f[4].split(" ")));
      Entry e = new Entry(f[0], Double.parseDouble(f[1]), hangul[0], List.copyOf(forms));
      ENTRIES.add(e);
      for (String h : hangul) {
        put(BY_TEXT, h, e);
        if (h.length() == 2) {
          TWO_SYLLABLE.add(h);
        } else {
          HANGUL_ONE.add(Map.entry(h, e));
        }
        String canonical = canonicalSurname(h);
        put(BY_CANONICAL, canonical, e);
      }
      for (String h : f[3].split(" ")) {
        put(BY_TEXT, h, e);
        if (h.length() == 2) {
          TWO_SYLLABLE.add(h);
        }
      }
      put(BY_TEXT, f[0], e);
      for (String l : f[4].split(" ")) {
        put(BY_TEXT, l, e);
        LATIN.add(Map.entry(l, e));
      }
    }
    for (Map.Entry<String, String> a : ALTERNATIVE.entrySet()) {
      Entry first = BY_TEXT.get(a.getKey());
      if (first == null
          || first.key().equals(a.getValue())
          || ENTRIES.stream().noneMatch(e -> e.key().equals(a.getValue()))) {
        throw new IllegalStateException("bad alternative surname: " + a);
      }
    }
  }

  private Surnames() {}

  /** The first entry wins: the table lists the more common surname first. */
  private static void put(Map<String, Entry> map, String text, Entry e) {
    Entry old = map.putIfAbsent(text, e);
    if (old != null && old != e && map == BY_TEXT) {
      throw new IllegalStateException("surname spelling in two rows: " + text);
    }
  }

  /**
   * The entry for a McCune–Reischauer spelling with its breve or apostrophe (Sŏng, Ch'u), given in
   * lower case NFC with the apostrophe as ', or null.
   */
  static Entry marked(String lowerCase) {
    String key = MARKED.get(lowerCase);
    return key == null ? null : BY_TEXT.get(key);
  }

  /**
   * The table surnames one keying error away from a spelling that is in no row, most common first:
   * for a folded Latin spelling one substitution, insertion, deletion or transposition (Zhng →
   * zhang, Paio → piao, Kium → kim); for one Hangul syllable one of its initial, vowel or final
   * changed, added or dropped (긴 → 김, 바 → 박). Lists misspell surnames as they misspell given names,
   * and a misspelt surname otherwise keeps a key of its own, which no other record shares.
   */
  static List<Entry> oneEditFrom(String text) {
    List<Entry> out = new ArrayList<>(2);
    boolean hangul = text.length() == 1 && Hangul.isSyllable(text.charAt(0));
    if (!hangul && text.length() < 2) {
      return out;
    }
    for (Map.Entry<String, Entry> c : hangul ? HANGUL_ONE : LATIN) {
      Entry e = c.getValue();
      if (!out.contains(e)
          && (hangul ? oneJamo(text.charAt(0), c.getKey().charAt(0)) : oneEdit(text, c.getKey()))) {
        out.add(e);
      }
    }
    out.sort((a, b) -> Double.compare(b.frequency(), a.frequency()));
    return out;
  }

  /**
   * Two Hangul syllables, read with the initial-sound rule (리 as 이), that differ by one common
   * confusion: a final added, dropped or changed; a plain, aspirated or tense initial of one place
   * (ㄱ ㅋ ㄲ, ㄷ ㅌ ㄸ, ㅂ ㅍ ㅃ, ㅈ ㅊ ㅉ, ㅅ ㅆ); or a vowel that sounds or looks alike (ㅓ/ㅗ, ㅐ/ㅔ, ㅒ/ㅖ, ㅕ/ㅛ,
   * ㅜ/ㅡ, ㅙ/ㅚ/ㅞ, ㅢ/ㅣ).
   */
  static boolean oneJamo(char a, char b) {
    int x = southern(a - Hangul.FIRST);
    int y = southern(b - Hangul.FIRST);
    int ia = x / 588;
    int ib = y / 588;
    int va = x / 28 % 21;
    int vb = y / 28 % 21;
    int fa = x % 28;
    int fb = y % 28;
    if (ia == ib && va == vb) {
      return fa != fb;
    }
    if (fa != fb) {
      return false;
    }
    if (va == vb) {
      return INITIAL_GROUP[ia] >= 0 && INITIAL_GROUP[ia] == INITIAL_GROUP[ib];
    }
    return ia == ib && VOWEL_GROUP[va] >= 0 && VOWEL_GROUP[va] == VOWEL_GROUP[vb];
  }

  /** Per initial (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ), its group of confusable ones. */
  private static final int[] INITIAL_GROUP = {
    0, 0, -1, 1, 1, -1, -1, 2, 2, 3, 3, -1, 4, 4, 4, 0, 1, 2, -1
  };

  /** Per vowel (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ), its group of confusable ones. */
  private static final int[] VOWEL_GROUP = {
    -1, 1, -1, 2, 0, 1, 3, 2, 0, -1, 5, 5, 3, 4, -1, 5, -1, -1, 4, 6, 6
  };

  /**
   * A syllable index (from 가) with the initial-sound rule applied: ㄹ → ㅇ or ㄴ, ㄴ → ㅇ before i, y.
   */
  private static int southern(int s) {
    int initial = s / 588;
    int vowel = s / 28 % 21;
    boolean iy =
        vowel == 2
            || vowel == 3
            || vowel == 6
            || vowel == 7
            || vowel == 12
            || vowel == 17
            || vowel == 20;
    if (initial == 5) {
      return s + ((iy ? 11 : 2) - 5) * 588;
    }
    if (initial == 2 && iy) {
      return s + (11 - 2) * 588;
    }
    return s;
  }

  /** One substitution, insertion, deletion or transposition of neighbours (Damerau 1964). */
  static boolean oneEdit(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1 || a.equals(b)) {
      return false;
    }
    int i = 0;
    while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (la == lb) {
      return a.substring(i + 1).equals(b.substring(i + 1))
          || i + 1 < la
              && a.charAt(i) == b.charAt(i + 1)
              && a.charAt(i + 1) == b.charAt(i)
              && a.substring(i + 2).equals(b.substring(i + 2));
    }
    return la > lb
        ? a.substring(i + 1).equals(b.substring(i))
        : b.substring(i + 1).equals(a.substring(i));
  }

  /** The canonical romanization of a Hangul surname with the initial-sound rule applied. */
  static String canonicalSurname(String hangul) {
    StringBuilder b = new StringBuilder(4);
    for (int i = 0; i < hangul.length(); i++) {
      char c = hangul.charAt(i);
      if (Hangul.isSyllable(c)) {
        String s = Hangul.canonical(c);
        b.append(b.length() == 0 ? Hangul.initial(s) : s);
      }
    }
    return b.toString();
  }

  /** Every surname of the table, most common first (for docs/names.md and the tests). */
  static List<Entry> entries() {
    return List.copyOf(ENTRIES);
  }

  /** The entry for a Hangul or Han surname as written, or for a folded Latin spelling. */
  static Entry lookup(String text) {
    return BY_TEXT.get(text);
  }

  /** The other key a folded Latin surname spelling may mean, or "" if it means one surname. */
  static String alternative(String folded) {
    return ALTERNATIVE.getOrDefault(folded, "");
  }

  /** The entry whose Hangul has this canonical romanization (Cheong, Ch'oe, Hŏ …), if any. */
  static Entry byCanonical(String canonical) {
    return BY_CANONICAL.get(canonical);
  }

  /** Whether these two Hangul syllables or Han characters are one two-syllable surname (남궁 …). */
  static boolean isTwoSyllable(String twoChars) {
    return TWO_SYLLABLE.contains(twoChars);
  }
}
