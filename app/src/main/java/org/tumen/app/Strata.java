package org.tumen.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
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
   * Reads every list and gives {@code (source, recordId) -> stratum}, null where a record has no
   * readable value. A list's source name is its file name without extension, as in {@code tumen
   * link}.
   */
  static BiFunction<String, String, String> of(By by, List<Path> inputs) {
    if (inputs.isEmpty()) {
      throw new BadInputException(
          "--stratify", "needs the lists the clusters came from: add --input FILE... ");
    }
    List<SourceTable> tables = inputs.stream().map(SourceTable::read).toList();
    LinkSpec spec = LinkSpec.infer(tables);
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
}
