package org.tumen.simulate;

import java.util.List;
import java.util.Map;
import org.tumen.model.DateRange;
import org.tumen.model.place.Place;

/**
 * A synthetic testimony built sentence by sentence from templates in Korean or English, one
 * sentence per event, opened by a line saying it is synthetic. Each sentence's character range is
 * the passage the acts of its event cite.
 */
final class Testimony {

  private static final Map<String, String[]> KO =
      Map.ofEntries(
          Map.entry("border-crossing", new String[] {"%s %s에서%s 강을 건너 중국으로 넘어갔습니다."}),
          Map.entry("hiding", new String[] {"%s %s에서%s 숨어 지냈습니다."}),
          Map.entry("sale", new String[] {"%s %s에서%s 브로커에게 팔렸습니다."}),
          Map.entry("forced-marriage", new String[] {"%s %s의 한 남자에게%s 강제로 시집보내졌습니다."}),
          Map.entry("arrest", new String[] {"%s %s에서%s 공안에게 체포되었습니다."}),
          Map.entry("detention", new String[] {"%s %s에서%s 구금되어 조사를 받았습니다."}),
          Map.entry("forced-return", new String[] {"%s %s에서%s 북한으로 강제송환되었습니다."}),
          Map.entry("punishment", new String[] {"%s %s에서%s 노동단련대로 보내졌습니다."}),
          Map.entry("consulate-entry", new String[] {"%s %s에서%s 영사관에 들어갔습니다."}),
          Map.entry("safe-passage", new String[] {"%s %s을 거쳐%s 이동했습니다."}),
          Map.entry("arrival", new String[] {"%s %s에%s 도착했습니다."}));

  private static final Map<String, String[]> EN =
      Map.ofEntries(
          Map.entry("border-crossing", new String[] {"In %s I crossed the river near %s%s."}),
          Map.entry("hiding", new String[] {"In %s I hid in %s%s."}),
          Map.entry("sale", new String[] {"In %s I was sold to a broker in %s%s."}),
          Map.entry("forced-marriage", new String[] {"In %s I was married off to a man in %s%s."}),
          Map.entry("arrest", new String[] {"In %s the police arrested me in %s%s."}),
          Map.entry("detention", new String[] {"In %s I was detained and interrogated in %s%s."}),
          Map.entry(
              "forced-return", new String[] {"In %s I was sent back to North Korea at %s%s."}),
          Map.entry("punishment", new String[] {"In %s I was sent to a labour camp in %s%s."}),
          Map.entry("consulate-entry", new String[] {"In %s I entered a consulate in %s%s."}),
          Map.entry("safe-passage", new String[] {"In %s I travelled through %s%s."}),
          Map.entry("arrival", new String[] {"In %s I arrived in %s%s."}));

  private static final Map<String, String> ACT_KO =
      Map.of(
          "extortion", " 브로커가 돈을 빼앗았습니다.",
          "sexual-violence", " 그 남자에게 성폭력을 당했습니다.",
          "cruel-treatment", " 구타를 당했습니다.",
          "torture", " 보위부에서 고문을 당했습니다.");

  private static final Map<String, String> ACT_EN =
      Map.of(
          "extortion", " A broker took our money.",
          "sexual-violence", " The man raped me.",
          "cruel-treatment", " The guards beat us.",
          "torture", " State security officers tortured me.");

  private final boolean korean;
  private final StringBuilder text = new StringBuilder(512);

  Testimony(boolean korean) {
    this.korean = korean;
    text.append(korean ? WitnessSimulator.SYNTHETIC_KO : WitnessSimulator.SYNTHETIC_EN);
  }

  /** Appends the sentence about one event; returns its character range {start, end}. */
  int[] sentence(String type, DateRange when, Place where, int companions, List<String> acts) {
    text.append(korean ? '\n' : ' ');
    int start = text.length();
    String with =
        companions == 0
            ? ""
            : korean
                ? " 일행 " + companions + "명과 함께"
                : companions == 1 ? " with one companion" : " with " + companions + " companions";
    String template = (korean ? KO : EN).get(type)[0];
    String place = korean ? where.names().ko() : where.names().en();
    text.append(String.format(java.util.Locale.ROOT, template, when, place, with));
    for (String act : acts) {
      String s = (korean ? ACT_KO : ACT_EN).get(act);
      if (s != null) {
        text.append(s);
      }
    }
    return new int[] {start, text.length()};
  }

  String text() {
    return text.toString();
  }
}
