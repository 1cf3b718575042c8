package org.tumen.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.tumen.model.PartialDate;
import org.tumen.model.columns.DateText;

/**
 * A test fixture: the five lists of {@code ../shared/data/external-lists/korean-20k} (synthetic,
 * from a generator written independently of {@code tumen simulate}) rewritten into six lists kept
 * as organisations keep them: Korean, Chinese or English headers; family and given names in columns
 * of their own in three lists (split as a clerk would: the first word, or the first character of a
 * name in Hangul or Hanja); one list with an age and an interview date instead of a birth date; sex
 * written 남/여 or 男/女 where the headers are Korean or Chinese; a year of crossing in some lists
 * only; extra columns that identify nobody (arrest date, case worker, notes). The sixth list is
 * derived from the records: {@code church_network} split in two registers, one in Korean, one in
 * English. Only the layout changes, so {@code truth.csv} stays true; nothing in ../shared is
 * written.
 */
final class ExternalVariedHeaders {

  /** The five source lists, by file name. */
  static final List<String> SOURCES =
      List.of(
          "shelter_yanbian",
          "ngo_seoul_interviews",
          "intl_advocacy",
          "church_network",
          "returnee_reports");

  /** The six lists written. */
  static final List<String> LISTS =
      List.of(
          "yanbian_shelter",
          "ngo_seoul",
          "intl_interviews",
          "church_register",
          "legal_aid",
          "returnee_monitor");

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
    CROSSED,
    ARREST,
    WORKER,
    NOTE
  }

  private enum Script {
    KO,
    ZH,
    EN
  }

  private record Layout(String file, Script script, List<String> headers, List<Cell> cells) {}

  private static final List<Layout> LAYOUTS =
      List.of(
          new Layout(
              "yanbian_shelter",
              Script.ZH,
              List.of("序号", "姓", "名", "性别", "出生日期", "籍贯", "越境年份", "被捕日期", "备注"),
              List.of(
                  Cell.ID,
                  Cell.FAMILY,
                  Cell.GIVEN,
                  Cell.SEX,
                  Cell.BIRTH,
                  Cell.PLACE,
                  Cell.CROSSED,
                  Cell.ARREST,
                  Cell.NOTE)),
          new Layout(
              "ngo_seoul",
              Script.KO,
              List.of("번호", "성명", "성별", "생년월일", "출생지", "탈북년도", "담당자", "비고"),
              List.of(
                  Cell.ID,
                  Cell.FULL,
                  Cell.SEX,
                  Cell.BIRTH,
                  Cell.PLACE,
                  Cell.CROSSED,
                  Cell.WORKER,
                  Cell.NOTE)),
          new Layout(
              "intl_interviews",
              Script.EN,
              List.of(
                  "ID",
                  "Name",
                  "Gender",
                  "Age",
                  "Interview date",
                  "Hometown",
                  "Year of crossing",
                  "Case worker",
                  "Notes"),
              List.of(
                  Cell.ID,
                  Cell.FULL,
                  Cell.SEX,
                  Cell.AGE,
                  Cell.INTERVIEW,
                  Cell.PLACE,
                  Cell.CROSSED,
                  Cell.WORKER,
                  Cell.NOTE)),
          new Layout(
              "church_register",
              Script.KO,
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
              "legal_aid",
              Script.EN,
              List.of(
                  "No.",
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
              "returnee_monitor",
              Script.ZH,
              List.of("编号", "姓名", "出生年月", "性别", "出生地", "经办人", "说明"),
              List.of(
                  Cell.ID, Cell.FULL, Cell.BIRTH, Cell.SEX, Cell.PLACE, Cell.WORKER, Cell.NOTE)));

  private static final String[] NOTES = {
    "", "", "", "synthetic record", "follow-up", "referred", "재면담 필요", "已转介", "see file"
  };

  private ExternalVariedHeaders() {}

  /**
   * Writes the six lists ({@code <list>.csv}) and {@code truth.csv} (header {@code
   * list,rec_id,person_id}) into {@code out}, from the korean-20k lists in {@code source}.
   *
   * @return the list files, in {@link #LISTS}' order
   */
  static List<Path> write(Path source, Path out, long seed) throws IOException {
    Files.createDirectories(out);
    Random rng = new Random(seed);
    Map<String, String> person = new HashMap<>();
    for (CSVRecord r : read(source.resolve("truth.csv"))) {
      person.put(r.get(0) + "," + r.get(1), r.get(2));
    }
    Map<String, List<List<String>>> rows = new HashMap<>();
    List<String> truth = new ArrayList<>();
    truth.add("list,rec_id,person_id");
    for (String s : SOURCES) {
      for (CSVRecord rec : read(source.resolve(s + ".csv"))) {
        String list =
            switch (s) {
              case "shelter_yanbian" -> "yanbian_shelter";
              case "ngo_seoul_interviews" -> "ngo_seoul";
              case "intl_advocacy" -> "intl_interviews";
              case "church_network" -> rng.nextBoolean() ? "church_register" : "legal_aid";
              default -> "returnee_monitor";
            };
        Layout layout = LAYOUTS.get(LISTS.indexOf(list));
        rows.computeIfAbsent(list, k -> new ArrayList<>()).add(row(rec, layout, rng));
        truth.add(list + "," + rec.get("rec_id") + "," + person.get(s + "," + rec.get("rec_id")));
      }
    }
    List<Path> files = new ArrayList<>();
    for (Layout layout : LAYOUTS) {
      Path file = out.resolve(layout.file() + ".csv");
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
        p.printRecord(layout.headers());
        for (List<String> row : rows.get(layout.file())) {
          p.printRecord(row);
        }
      }
      files.add(file);
    }
    Files.write(out.resolve("truth.csv"), truth, StandardCharsets.UTF_8);
    return files;
  }

  private static List<CSVRecord> read(Path file) throws IOException {
    CSVFormat f = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, f)) {
      return p.getRecords();
    }
  }

  private static List<String> row(CSVRecord rec, Layout layout, Random rng) {
    String full = rec.get("name").strip();
    String[] split = splitName(full);
    String birth = rec.get("birth");
    String crossed = rec.get("year_crossed");
    int crossedYear = crossed.matches("\\d{4}") ? Integer.parseInt(crossed) : 2003;
    LocalDate interview =
        LocalDate.of(crossedYear, 1, 1).plusDays(rng.nextInt(365) + 365L * rng.nextInt(4));
    List<String> row = new ArrayList<>();
    for (Cell c : layout.cells()) {
      row.add(
          switch (c) {
            case ID -> rec.get("rec_id");
            case FULL -> full;
            case FAMILY -> split[0];
            case GIVEN -> split[1];
            case SEX -> sex(rec.get("sex"), layout.script());
            case BIRTH -> birth;
            case AGE -> age(birth, interview, rng);
            case INTERVIEW -> interview.toString();
            case PLACE -> rec.get("birthplace");
            case CROSSED -> crossed;
            case ARREST ->
                rng.nextDouble() < 0.4
                    ? LocalDate.of(1998, 1, 1).plusDays(rng.nextInt(10 * 365)).toString()
                    : "";
            case WORKER -> "worker " + (char) ('A' + rng.nextInt(8));
            case NOTE -> NOTES[rng.nextInt(NOTES.length)];
          });
    }
    return row;
  }

  private static String sex(String s, Script script) {
    return switch (script) {
      case KO -> s.equals("F") ? "여" : s.equals("M") ? "남" : s;
      case ZH -> s.equals("F") ? "女" : s.equals("M") ? "男" : s;
      case EN -> s;
    };
  }

  /** A name in one cell split as a clerk would: the first word, or the first character. */
  static String[] splitName(String full) {
    String s = full.strip().replaceAll("\\s+", " ");
    int space = s.indexOf(' ');
    if (space > 0) {
      return new String[] {s.substring(0, space), s.substring(space + 1)};
    }
    if (s.length() >= 2 && !s.chars().allMatch(ch -> ch < 128)) {
      return new String[] {s.substring(0, 1), s.substring(1)};
    }
    return new String[] {s, ""};
  }

  /** The age on the interview date of someone born as the cell says ("" if it says nothing). */
  private static String age(String birth, LocalDate interview, Random rng) {
    return new DateText(2003)
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
