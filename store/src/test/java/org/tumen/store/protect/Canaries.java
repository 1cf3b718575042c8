package org.tumen.store.protect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * 1,000 known synthetic names (500 Hangul, 500 Latin) with birth dates, written as two lists, and a
 * search for their bytes in files. No real person's name: the given names are random syllables.
 */
final class Canaries {

  private static final String[] SURNAMES_HANGUL = {"김", "이", "박", "최", "정", "강", "조", "윤"};
  private static final String[] SURNAMES_LATIN = {"Kim", "Ri", "Pak", "Choe", "Jong", "Kang"};

  final List<String> hangul = new ArrayList<>();
  final List<String> latin = new ArrayList<>();

  Canaries(long seed) {
    Random r = new Random(seed);
    Set<String> seen = new LinkedHashSet<>();
    while (hangul.size() < 500) {
      String n =
          SURNAMES_HANGUL[r.nextInt(SURNAMES_HANGUL.length)]
              + (char) (0xAC00 + r.nextInt(11172))
              + (char) (0xAC00 + r.nextInt(11172));
      if (seen.add(n)) {
        hangul.add(n);
      }
    }
    while (latin.size() < 500) {
      StringBuilder g = new StringBuilder();
      g.append((char) ('A' + r.nextInt(26)));
      for (int i = 0; i < 7; i++) {
        g.append("aeiou".charAt(r.nextInt(5))).append("bdgjklmnprstvz".charAt(r.nextInt(14)));
      }
      String n = SURNAMES_LATIN[r.nextInt(SURNAMES_LATIN.length)] + " " + g;
      if (seen.add(n)) {
        latin.add(n);
      }
    }
  }

  List<String> all() {
    List<String> a = new ArrayList<>(hangul);
    a.addAll(latin);
    return a;
  }

  Path writeKorean(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder("번호,성명,성별,생년월일,출생지,비고\n");
    for (int i = 0; i < hangul.size(); i++) {
      sb.append("K")
          .append(i + 1)
          .append(',')
          .append(hangul.get(i))
          .append(i % 2 == 0 ? ",여," : ",남,")
          .append(1950 + i % 40)
          .append('.')
          .append(1 + i % 12)
          .append('.')
          .append(1 + i % 28)
          .append(",함경북도,synthetic\n");
    }
    Path f = dir.resolve("canary-ko.csv");
    Files.writeString(f, sb, StandardCharsets.UTF_8);
    return f;
  }

  Path writeEnglish(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder("rec_id,full_name,sex,birth_date,birthplace,note\n");
    for (int i = 0; i < latin.size(); i++) {
      sb.append("E")
          .append(i + 1)
          .append(',')
          .append(latin.get(i))
          .append(i % 2 == 0 ? ",F," : ",M,")
          .append(String.format("%d-%02d-%02d", 1945 + i % 45, 1 + i % 12, 1 + i % 28))
          .append(",North Hamgyong,synthetic\n");
    }
    Path f = dir.resolve("canary-en.csv");
    Files.writeString(f, sb, StandardCharsets.UTF_8);
    return f;
  }

  /** Names whose UTF-8 bytes (or their hex form, as dumps print binary columns) occur. */
  List<String> foundIn(byte[] hay) {
    return found(hay, all());
  }

  /** Which of {@code needles} occur in {@code hay}, as UTF-8 bytes or their hex form. */
  static List<String> found(byte[] hay, List<String> needles) {
    List<String> hits = new ArrayList<>();
    String text = new String(hay, StandardCharsets.ISO_8859_1);
    for (String n : needles) {
      byte[] b = n.getBytes(StandardCharsets.UTF_8);
      String raw = new String(b, StandardCharsets.ISO_8859_1);
      if (text.contains(raw) || text.contains(HexFormat.of().formatHex(b))) {
        hits.add(n);
      }
    }
    return hits;
  }

  /** Every file under each root, searched byte by byte; the names found, with where. */
  List<String> foundUnder(Path... roots) throws IOException {
    return foundUnder(all(), roots);
  }

  /** Which of {@code needles} occur in any file under each root, with where. */
  static List<String> foundUnder(List<String> needles, Path... roots) throws IOException {
    List<String> hits = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          for (String n : found(Files.readAllBytes(f), needles)) {
            hits.add(n + " in " + f);
          }
        }
      }
    }
    return hits;
  }
}
