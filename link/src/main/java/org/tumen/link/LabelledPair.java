package org.tumen.link;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pair a person has judged: the same person or not.
 *
 * @param a one record
 * @param b the other
 * @param match whether they are the same person
 */
public record LabelledPair(RecordRef a, RecordRef b, boolean match) {

  /**
   * Reads labelled pairs from CSV with either the header {@code
   * source_a,record_id_a,source_b,record_id_b,match} (match 1/0, true/false) or Splink's {@code
   * unique_id_l,source_dataset_l,unique_id_r,source_dataset_r,clerical_match_score} (score ≥ 0.5 is
   * a match), or a decided review file: the columns {@code
   * source_a,record_id_a,source_b,record_id_b,decision} with {@code same}, {@code different}, or
   * {@code not sure} / blank (no label: the row is skipped), such as {@code tumen link --review}
   * writes with a {@code decision} column a reviewer filled in.
   */
  public static List<LabelledPair> read(Path file) {
    SourceTable t = SourceTable.read(file);
    String[][] layouts = {
      {"source_a", "record_id_a", "source_b", "record_id_b", "decision"},
      {"source_a", "record_id_a", "source_b", "record_id_b", "match"},
      {"source_dataset_l", "unique_id_l", "source_dataset_r", "unique_id_r", "clerical_match_score"}
    };
    for (String[] cols : layouts) {
      int[] idx = new int[cols.length];
      boolean ok = true;
      for (int i = 0; i < cols.length; i++) {
        idx[i] = t.column(cols[i]);
        ok &= idx[i] >= 0;
      }
      if (!ok) {
        continue;
      }
      List<LabelledPair> out = new ArrayList<>();
      int line = 1;
      for (List<String> row : t.rows()) {
        line++;
        String m = row.get(idx[4]).strip().toLowerCase(java.util.Locale.ROOT);
        if (cols[4].equals("decision")) {
          if (m.isEmpty() || m.equals("not sure") || m.equals("not-sure")) {
            continue;
          }
          if (!m.equals("same") && !m.equals("different")) {
            throw new org.tumen.model.BadInputException(
                org.tumen.model.BadInputException.at(file.toString(), line, idx[4] + 1),
                "decision must be same, different, not sure or blank");
          }
          m = m.equals("same") ? "1" : "0";
        }
        boolean match;
        try {
          match = m.equals("true") || !m.equals("false") && Double.parseDouble(m) >= 0.5;
        } catch (NumberFormatException e) {
          throw new org.tumen.model.BadInputException(
              org.tumen.model.BadInputException.at(file.toString(), line, idx[4] + 1),
              "match must be 1/0, true/false or a score");
        }
        out.add(
            new LabelledPair(
                new RecordRef(row.get(idx[0]), row.get(idx[1])),
                new RecordRef(row.get(idx[2]), row.get(idx[3])),
                match));
      }
      return out;
    }
    throw new org.tumen.model.BadInputException(
        file.toString(),
        "labelled pairs need the columns source_a,record_id_a,source_b,record_id_b and match"
            + " or decision");
  }
}
