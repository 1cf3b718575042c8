package org.tumen.store.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a large synthetic list for the import benchmark (docs/benchmarks.md): the Korean header
 * set of the simulated lists (helper-rules.md), invented names, the usual date forms, province
 * variants, and a note that says "synthetic". No real person's data.
 *
 * <p>{@code java -cp ... org.tumen.store.imports.SyntheticList ROWS FILE [SEED]}
 */
public final class SyntheticList {

  private static final String[] SURNAMES = {
    "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오"
  };
  private static final String[] GIVEN = {
    "철수", "영희", "민수", "순희", "광철", "은정", "명호", "옥순", "성민", "혜경", "금옥", "영철"
  };
  private static final String[] PLACES = {
    "함경북도", "North Hamgyong", "량강도", "Ryanggang", "평안남도", "자강도", "Hamgyongbuk-do", ""
  };

  private SyntheticList() {}

  public static void main(String[] args) throws IOException {
    long rows = Long.parseLong(args[0]);
    write(Path.of(args[1]), rows, args.length > 2 ? Long.parseLong(args[2]) : 1);
  }

  static void write(Path file, long rows, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("번호,성명,성별,생년월일,출생지,비고\n");
      for (long i = 1; i <= rows; i++) {
        int y = 1940 + rnd.nextInt(60);
        int m = 1 + rnd.nextInt(12);
        int d = 1 + rnd.nextInt(28);
        String date =
            switch (rnd.nextInt(5)) {
              case 0 -> String.format("%d-%02d-%02d", y, m, d);
              case 1 -> y + "." + m + "." + d;
              case 2 -> y + "년 " + m + "월 " + d + "일";
              case 3 -> String.format("%02d/%02d/%d", d, m, y);
              default -> Integer.toString(y);
            };
        w.write(Long.toString(i));
        w.write(',');
        w.write(SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)]);
        w.write(rnd.nextBoolean() ? ",여," : ",남,");
        w.write(date);
        w.write(',');
        w.write(PLACES[rnd.nextInt(PLACES.length)]);
        w.write(",synthetic record\n");
      }
    }
  }
}
