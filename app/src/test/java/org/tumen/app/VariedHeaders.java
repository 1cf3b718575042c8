package org.tumen.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.tumen.model.PartialDate;
import org.tumen.model.Progress;
import org.tumen.model.columns.DateText;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.Simulator;

/**
 * A test fixture: six lists of the same synthetic people kept as organisations really keep them,
 * each with its own headers (Korean, Chinese or English), some with family and given names in
 * columns of their own, one with an age and an interview date instead of a birth date, and extra
 * columns that identify nobody (arrest date, case worker, notes). The people and their records come
 * from {@code tumen simulate} (its default scenario plus a sixth list, a copy of the third under
 * another name); only the layout is rewritten here, so {@code truth.csv} stays true. All data are
 * synthetic.
 */
final class VariedHeaders {

  /** One target layout: the columns written, by what each holds. */
  private record Layout(String file, List<String> headers, List<Cell> cells) {}

  private enum Cell {
    ID,
    FULL,
    FAMILY,
    GIVEN,
    SEX,
    BIRTH,
    AGE,
    INTERVIEW,
    PLACE,
    ARREST,
    WORKER,
    NOTE
  }

  private static final List<Layout> LAYOUTS =
      List.of(
          new Layout(
              "ngo_seoul",
              List.of("번호", "성명", "성별", "생년월일", "출생지", "담당자", "비고"),
              List.of(
                  Cell.ID, Cell.FULL, Cell.SEX, Cell.BIRTH, Cell.PLACE, Cell.WORKER, Cell.NOTE)),
          new Layout(
              "yanbian_shelter",
              List.of("序号", "性别", "姓", "名", "出生日期", "籍贯", "被捕日期", "备注"),
              List.of(
                  Cell.ID,
                  Cell.SEX,
                  Cell.FAMILY,
                  Cell.GIVEN,
                  Cell.BIRTH,
                  Cell.PLACE,
                  Cell.ARREST,
                  Cell.NOTE)),
          new Layout(
              "intl_interviews",
              List.of(
                  "ID",
                  "Name",
                  "Gender",
                  "Age",
                  "Interview date",
                  "Hometown",
                  "Case worker",
                  "Notes"),
              List.of(
                  Cell.ID,
                  Cell.FULL,
                  Cell.SEX,
                  Cell.AGE,
                  Cell.INTERVIEW,
                  Cell.PLACE,
                  Cell.WORKER,
                  Cell.NOTE)),
          new Layout(
              "legal_aid",
              List.of(
                  "Record No.",
                  "Family name",
                  "Given name",
                  "Sex",
                  "Date of Birth",
                  "Place of birth",
                  "Arrest date",
                  "Remarks"),
              List.of(
                  Cell.ID,
                  Cell.FAMILY,
                  Cell.GIVEN,
                  Cell.SEX,
                  Cell.BIRTH,
                  Cell.PLACE,
                  Cell.ARREST,
                  Cell.NOTE)),
          new Layout(
              "church_register",
              List.of("연번", "성", "이름", "성별", "생년월일", "고향", "체포일", "면담자"),
              List.of(
                  Cell.ID,
                  Cell.FAMILY,
                  Cell.GIVEN,
                  Cell.SEX,
                  Cell.BIRTH,
                  Cell.PLACE,
                  Cell.ARREST,
                  Cell.WORKER)),
          new Layout(
              "returnee_monitor",
              List.of("编号", "姓名", "出生年月", "性别", "出生地", "经办人", "说明"),
              List.of(
                  Cell.ID, Cell.FULL, Cell.BIRTH, Cell.SEX, Cell.PLACE, Cell.WORKER, Cell.NOTE)));

  private VariedHeaders() {}

  /**
   * Writes the six lists ({@code <layout>.csv}) and {@code truth.csv} into {@code dir}.
   *
   * @return the list files
   */
  static List<Path> write(Path dir, int population, long seed) throws IOException {
    Path raw = dir.resolve("simulated");
    Simulator.simulate(sixLists(dir), population, seed, raw, Progress.NONE);
    List<String> names = Scenario.read(dir.resolve("six-lists.json")).listNames();
    Random rng = new Random(seed);
    List<Path> files = new ArrayList<>();
    List<String> truth = new ArrayList<>();
    truth.add("list,rec_id,person_id");
    List<String> rawTruth = Files.readAllLines(raw.resolve("truth.csv"), StandardCharsets.UTF_8);
    for (int k = 0; k < names.size(); k++) {
      Layout layout = LAYOUTS.get(k);
      Path out = dir.resolve(layout.file() + ".csv");
      rewrite(raw.resolve(names.get(k) + ".csv"), layout, out, rng);
      files.add(out);
      for (String line : rawTruth.subList(1, rawTruth.size())) {
        if (line.startsWith(names.get(k) + ",")) {
          truth.add(layout.file() + line.substring(names.get(k).length()));
        }
      }
    }
    Files.write(dir.resolve("truth.csv"), truth, StandardCharsets.UTF_8);
    return files;
  }

  /** The default scenario with a sixth list: the third again, under another name. */
  private static Scenario sixLists(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode s = (ObjectNode) json.readTree(Scenario.defaults().toJson());
    ArrayNode lists = (ArrayNode) s.get("lists");
    ObjectNode copy = lists.get(2).deepCopy();
    copy.put("name", copy.get("name").asText() + "_b");
    lists.add(copy);
    Path file = dir.resolve("six-lists.json");
    Files.writeString(file, json.writeValueAsString(s), StandardCharsets.UTF_8);
    return Scenario.read(file);
  }

  private static void rewrite(Path in, Layout layout, Path out, Random rng) throws IOException {
    CSVFormat read = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    DateText dates = new DateText(2003);
    try (Reader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(r, read);
        Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      List<String> h = parser.getHeaderNames();
      boolean split = h.size() == 7;
      p.printRecord(layout.headers());
      for (CSVRecord rec : parser) {
        String family = split ? rec.get(1) : "";
        String given = split ? rec.get(2) : "";
        String full = split ? (family + " " + given).strip() : rec.get(1);
        if (!split) {
          String[] parts = splitName(full);
          family = parts[0];
          given = parts[1];
        }
        int o = split ? 1 : 0;
        String sex = rec.get(2 + o);
        String birth = rec.get(3 + o);
        String place = rec.get(4 + o);
        String note = rec.get(5 + o);
        LocalDate interview = LocalDate.of(2001, 1, 1).plusDays(rng.nextInt(5 * 365));
        List<String> row = new ArrayList<>();
        for (Cell c : layout.cells()) {
          row.add(
              switch (c) {
                case ID -> rec.get(0);
                case FULL -> full;
                case FAMILY -> family;
                case GIVEN -> given;
                case SEX -> sex;
                case BIRTH -> birth;
                case AGE -> age(dates, birth, interview, rng);
                case INTERVIEW -> interview.toString();
                case PLACE -> place;
                case ARREST ->
                    rng.nextDouble() < 0.4
                        ? LocalDate.of(1998, 1, 1).plusDays(rng.nextInt(8 * 365)).toString()
                        : "";
                case WORKER -> "worker " + (char) ('A' + rng.nextInt(8));
                case NOTE -> note;
              });
        }
        p.printRecord(row);
      }
    }
  }

  /** A name in one cell split as an organisation would: the first word, or the first letter. */
  private static String[] splitName(String full) {
    String s = full.strip();
    int space = s.indexOf(' ');
    if (space > 0) {
      return new String[] {s.substring(0, space), s.substring(space + 1).strip()};
    }
    if (s.length() >= 2) {
      return new String[] {s.substring(0, 1), s.substring(1)};
    }
    return new String[] {s, ""};
  }

  /** The age on the interview date of someone born as the cell says ("" if it says nothing). */
  private static String age(DateText dates, String birth, LocalDate interview, Random rng) {
    return dates
        .read(birth)
        .map(
            d -> {
              PartialDate b = d.date();
              int years =
                  b.toLocalDate()
                      .map(day -> Period.between(day, interview).getYears())
                      .orElse(interview.getYear() - b.year() - rng.nextInt(2));
              return years < 0 ? "" : Integer.toString(years);
            })
        .orElse("");
  }
}
