package org.tumen.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.tumen.estimate.CaptureTables;
import org.tumen.link.FieldSpec;
import org.tumen.link.LinkSpec;
import org.tumen.link.SourceTable;
import org.tumen.link.place.Gazetteer;
import org.tumen.model.BadInputException;
import org.tumen.model.Sex;
import org.tumen.model.columns.DateText;

/**
 * The stratum of each record for {@code tumen estimate --stratify}: read from the lists themselves,
 * each through its own inferred spec (as {@code tumen link} reads it) and the shared readers of
 * {@code model} (sex, dates) and the gazetteer, so that lists with different headers and spellings
 * (성별 여 / sex F) fall in the same stratum.
 */
final class Strata {

  private static final DateText DATES = new DateText();

  /** The fields a user may stratify by, with the column role that holds each and its reading. */
  enum By {
    SEX(FieldSpec.SEX, v -> Sex.parse(v).map(Sex::code)),
    PROVINCE(FieldSpec.PLACE, v -> new Gazetteer().province(v).map(Enum::name)),
    BIRTH_DECADE(
        FieldSpec.BIRTH_DATE, v -> DATES.read(v).map(d -> (d.date().year() / 10 * 10) + "s"));

    final String role;
    final Function<String, Optional<String>> read;

    By(String role, Function<String, Optional<String>> read) {
      this.role = role;
      this.read = read;
    }

    static By parse(String text) {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "sex" -> SEX;
        case "province", "place", "birthplace" -> PROVINCE;
        case "birth-decade", "decade" -> BIRTH_DECADE;
        default ->
            throw new BadInputException(
                "--stratify", "unknown field '" + text + "': use sex, province or birth-decade");
      };
    }
  }

  private Strata() {}

  /**
   * Reads every list, checks that {@code clusters} holds exactly their records (issue 12, finding
   * 11: strata read from other lists would silently put people in the wrong stratum or in
   * "unknown"), and gives {@code (source, recordId) -> stratum}, null where a record has no
   * readable value. A list's source name is its file name without extension, as in {@code tumen
   * link}.
   */
  static BiFunction<String, String, String> of(By by, List<Path> inputs, Path clusters) {
    if (inputs.isEmpty()) {
      throw new BadInputException(
          "--stratify", "needs the lists the clusters came from: add --input FILE... ");
    }
    List<SourceTable> tables = inputs.stream().map(SourceTable::read).toList();
    LinkSpec spec = LinkSpec.infer(tables);
    sameRecords(clusters, tables, inputs, spec);
    Map<String, String> stratum = new HashMap<>();
    boolean any = false;
    for (SourceTable t : tables) {
      int id = spec.idColumn(t);
      int column = spec.column(t, by.role);
      if (id < 0 || column < 0) {
        continue;
      }
      any = true;
      for (List<String> row : t.rows()) {
        String value = column < row.size() ? row.get(column) : "";
        by.read.apply(value).ifPresent(v -> stratum.put(t.name() + '\u0000' + row.get(id), v));
      }
    }
    if (!any) {
      throw new BadInputException("--stratify", "no input list has a column read as " + by.role);
    }
    return (source, recordId) -> stratum.get(source + '\u0000' + recordId);
  }

  /**
   * Refuses clusters that are not of these lists: a source no input is named after, a record no
   * input holds, or an input record the clusters lack — as {@code --draws} refuses draws of another
   * run.
   */
  private static void sameRecords(
      Path clusters, List<SourceTable> tables, List<Path> inputs, LinkSpec spec) {
    Map<String, Set<String>> clustered = CaptureTables.records(clusters);
    Map<String, Set<String>> listed = new HashMap<>();
    Map<String, Path> fileOf = new HashMap<>();
    for (int i = 0; i < tables.size(); i++) {
      SourceTable t = tables.get(i);
      int id = spec.idColumn(t);
      if (id < 0) {
        throw new BadInputException(
            inputs.get(i).toString(), "has no column read as the record id");
      }
      Set<String> ids = listed.computeIfAbsent(t.name(), k -> new HashSet<>());
      t.rows().forEach(row -> ids.add(row.get(id)));
      fileOf.put(t.name(), inputs.get(i));
    }
    String where = clusters.toString();
    String fix = ": the clusters must come from tumen link on the same --input lists";
    for (Map.Entry<String, Set<String>> c : clustered.entrySet()) {
      Set<String> ids = listed.get(c.getKey());
      if (ids == null) {
        throw new BadInputException(
            where,
            "names the source " + c.getKey() + ", which no --input file is named after" + fix);
      }
      for (String id : c.getValue()) {
        if (!ids.contains(id)) {
          throw new BadInputException(
              where,
              "holds record "
                  + id
                  + " of "
                  + c.getKey()
                  + ", which "
                  + fileOf.get(c.getKey())
                  + " does not"
                  + fix);
        }
      }
    }
    for (Map.Entry<String, Set<String>> l : listed.entrySet()) {
      Set<String> ids = clustered.getOrDefault(l.getKey(), Set.of());
      for (String id : l.getValue()) {
        if (!ids.contains(id)) {
          throw new BadInputException(
              where,
              "lacks record "
                  + id
                  + " of "
                  + l.getKey()
                  + ", which "
                  + fileOf.get(l.getKey())
                  + " holds"
                  + fix);
        }
      }
    }
  }
}
