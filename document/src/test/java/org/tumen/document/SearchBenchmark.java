package org.tumen.document;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.tumen.document.search.TestimonySearch;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;

/**
 * Times building the in-memory search index over synthetic testimonies (a third each in Korean,
 * Chinese and English, a few hundred characters each) and one-word queries over it; run by hand
 * (docs/benchmarks.md), never as a test. Arguments: the number of testimonies, the number of
 * queries.
 */
public final class SearchBenchmark {

  private SearchBenchmark() {}

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  // Synthetic sentence parts; every testimony is drawn from them and says it is synthetic.
  private static final String[] KO = {
    "겨울에 두만강을 건넜다.",
    "연길 시장에서 공안에게 체포되었다.",
    "도문 구류장에서 두 달 동안 조사를 받았다.",
    "브로커에게 돈을 빼앗겼다.",
    "농촌에 팔려가 강제로 결혼하였다.",
    "무산 보위부로 강제송환되었다.",
    "동생과 헤어져 소식을 모른다.",
    "공장에서 임금 없이 일하였다.",
    "산에 숨어서 열흘을 지냈다.",
    "국경경비대가 총을 쏘았다."
  };
  private static final String[] ZH = {
    "冬天我们渡过了图们江。",
    "她在延吉市场被公安逮捕。",
    "在图们拘留所被关了两个月。",
    "中介拿走了她所有的钱。",
    "她被卖到农村强迫结婚。",
    "后来被遣返回朝鲜。",
    "她和妹妹失散了，没有消息。",
    "在工厂里干活没有工资。",
    "我们在山里躲了十天。",
    "边防部队开枪了。"
  };
  private static final String[] EN = {
    "We crossed the Tumen river in winter.",
        "She was arrested by the police at the market in Yanji.",
    "She was held for two months in the Tumen detention centre.", "The broker took all her money.",
    "She was sold to a farmer and forced to marry him.", "She was forcibly returned to Musan.",
    "She lost contact with her sister.", "He worked in a factory without pay.",
    "We hid in the mountains for ten days.", "The border guards opened fire."
  };
  private static final String[] WORDS = {
    "체포",
    "두만강",
    "브로커",
    "강제송환",
    "공장",
    "결혼",
    "逮捕",
    "遣返",
    "中介",
    "工厂",
    "拘留所",
    "结婚",
    "arrested",
    "broker",
    "river",
    "factory",
    "married",
    "detention",
    "guards",
    "sister"
  };

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    int queries = Integer.parseInt(args[1]);
    Documentation d = testimonies(n, new Random(1));
    long chars = d.sources().stream().mapToLong(s -> s.text().orElse("").length()).sum();
    System.out.printf("%,d synthetic testimonies, %,d characters%n", n, chars);

    long wall = System.nanoTime();
    long cpu = CPU.getCurrentThreadCpuTime();
    try (TestimonySearch search = TestimonySearch.build(d)) {
      System.out.printf(
          "build: %.1f s wall, %.1f s CPU (main thread), %,d texts indexed%n",
          (System.nanoTime() - wall) / 1e9,
          (CPU.getCurrentThreadCpuTime() - cpu) / 1e9,
          search.size());
      Random r = new Random(2);
      for (int i = 0; i < 200; i++) { // warm-up, not measured
        search.search(WORDS[r.nextInt(WORDS.length)], 10);
      }
      long[] nanos = new long[queries];
      long hits = 0;
      for (int i = 0; i < queries; i++) {
        String w = WORDS[r.nextInt(WORDS.length)];
        long t = System.nanoTime();
        hits += search.search(w, 10).size();
        nanos[i] = System.nanoTime() - t;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "%,d one-word queries (top 10, with passages), %,d hits: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
          queries,
          hits,
          nanos[queries / 2] / 1e6,
          nanos[(int) Math.ceil(queries * 0.95) - 1] / 1e6,
          nanos[queries - 1] / 1e6);
    }
  }

  static Documentation testimonies(int n, Random r) {
    Consent store =
        new Consent(List.of(ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2020, 1, 1))));
    List<Source> sources = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String lang = i % 3 == 0 ? "ko" : i % 3 == 1 ? "zh" : "en";
      String[] parts = i % 3 == 0 ? KO : i % 3 == 1 ? ZH : EN;
      StringBuilder text = new StringBuilder("(synthetic) ");
      int sentences = 6 + r.nextInt(6);
      for (int k = 0; k < sentences; k++) {
        text.append(parts[r.nextInt(parts.length)]).append(' ');
      }
      sources.add(
          new Source(
              "s" + i,
              SourceKind.INTERVIEW,
              Optional.empty(),
              Optional.empty(),
              Optional.of(lang),
              Optional.empty(),
              "NGO A (synthetic)",
              store,
              Reliability.HIGH,
              Optional.of(text.toString())));
    }
    return new Documentation(sources, List.of(), List.of(), List.of());
  }
}
