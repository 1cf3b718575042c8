package org.tumen.link;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tumen.model.BadInputException;
import org.tumen.model.PartialDate;
import org.tumen.model.columns.DateReading;
import org.tumen.model.columns.DateText;

/**
 * Reads each list through its own {@link ListSpec} into a table of roles (one column per compared
 * role, named after it), so that lists with different headers and column sets are compared on the
 * roles they share. A role only one list holds is left out (there is nothing to compare it with),
 * and so are ignored columns; an age becomes a birth year through the date it was stated.
 *
 * <p>Rows of the role tables are views of the lists' rows, not copies: a million records are read
 * once.
 */
final class ListReading {

  /** The id column of a role table. */
  static final String ID = "#id";

  /** The role tables and the spec over their columns, as {@link Records#build} takes them. */
  record Prepared(List<SourceTable> tables, LinkSpec spec) {}

  private ListReading() {}

  /** The list spec for a table: its source name, or its file name with an extension. */
  static Optional<ListSpec> specOf(Map<String, ListSpec> lists, String source) {
    ListSpec s = lists.get(source);
    if (s != null) {
      return Optional.of(s);
    }
    for (Map.Entry<String, ListSpec> e : lists.entrySet()) {
      int dot = e.getKey().lastIndexOf('.');
      if (dot > 0 && e.getKey().substring(0, dot).equals(source)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * @throws BadInputException naming the list when the spec has no entry for it, names a column it
   *     lacks, or it shares no compared role with the other lists; naming the cell of a blank or
   *     repeated id
   */
  static Prepared apply(LinkSpec spec, List<SourceTable> inputs) {
    if (inputs.isEmpty()) {
      throw new BadInputException("--input", "no input lists");
    }
    List<ListSpec> specs = new ArrayList<>();
    for (SourceTable t : inputs) {
      ListSpec s =
          specOf(spec.lists(), t.name())
              .orElseThrow(
                  () ->
                      new BadInputException(
                          t.name(),
                          "the spec has no entry for this list; its lists are "
                              + String.join(", ", spec.lists().keySet())));
      checkColumns(t, s);
      checkIds(t, s);
      specs.add(s);
    }
    for (int i = 0; i < inputs.size(); i++) {
      if (compared(specs.get(i)).isEmpty()) {
        throw new BadInputException(
            inputs.get(i).name(),
            "shares no compared column with the other lists (it has none: its columns are "
                + String.join(", ", inputs.get(i).headers())
                + "); map its columns in a spec (--spec)");
      }
    }
    Map<String, Integer> holders = new HashMap<>();
    for (ListSpec s : specs) {
      compared(s).forEach(k -> holders.merge(k, 1, Integer::sum));
    }
    int needed = inputs.size() == 1 ? 1 : 2;
    Map<String, FieldType> roles = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      boolean shares = false;
      for (ListSpec.Field f : specs.get(i).fields()) {
        if (f.type() != FieldType.IGNORE && holders.get(f.compared()) >= needed) {
          roles.putIfAbsent(f.role(), f.type());
          shares = true;
        }
      }
      if (!shares) {
        throw new BadInputException(
            inputs.get(i).name(),
            "shares no compared column with the other lists (it has "
                + String.join(", ", compared(specs.get(i)))
                + "); map its columns in a spec (--spec) or link it on its own");
      }
    }
    List<SourceTable> tables = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      List<String> headers = new ArrayList<>();
      headers.add(ID);
      for (String role : roles.keySet()) {
        if (specs.get(i).fields().stream()
            .anyMatch(f -> f.type() != FieldType.IGNORE && f.role().equals(role))) {
          headers.add(role);
        }
      }
      tables.add(roleTable(inputs.get(i), specs.get(i), headers));
    }
    List<FieldSpec> fields = new ArrayList<>();
    roles.forEach((role, type) -> fields.add(new FieldSpec(List.of(role), type, role)));
    LinkSpec merged =
        new LinkSpec(
            List.of(ID),
            fields,
            spec.blocking(),
            spec.threshold(),
            spec.reviewLow(),
            spec.reviewHigh());
    return new Prepared(tables, merged);
  }

  private static Set<String> compared(ListSpec s) {
    Set<String> out = new LinkedHashSet<>();
    for (ListSpec.Field f : s.fields()) {
      if (f.type() != FieldType.IGNORE) {
        out.add(f.compared());
      }
    }
    return out;
  }

  private static void checkColumns(SourceTable t, ListSpec s) {
    List<String> wanted = new ArrayList<>();
    wanted.add(s.id());
    for (ListSpec.Field f : s.fields()) {
      wanted.add(f.column());
      if (f.isAge()) {
        wanted.add(f.ageStatedOn());
      }
    }
    for (String c : wanted) {
      if (t.column(c) < 0) {
        throw new BadInputException(
            t.name(),
            "the spec names column \""
                + c
                + "\", which this list lacks; its columns are "
                + String.join(", ", t.headers()));
      }
    }
  }

  private static void checkIds(SourceTable t, ListSpec s) {
    int c = t.column(s.id());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < t.rows().size(); i++) {
      String id = t.rows().get(i).get(c).strip();
      if (id.isEmpty()) {
        throw new BadInputException(
            BadInputException.at(t.name(), i + 2, c + 1), "blank record id");
      }
      Integer prev = seen.put(id, i);
      if (prev != null) {
        throw new BadInputException(
            BadInputException.at(t.name(), i + 2, c + 1),
            "duplicate id \"" + id + "\" (first on line " + (prev + 2) + ")");
      }
    }
  }

  /** One list's rows seen through its spec as the columns of the roles it holds. */
  private static SourceTable roleTable(SourceTable t, ListSpec s, List<String> headers) {
    int n = headers.size();
    int[][] sources = new int[n][];
    boolean[] joined = new boolean[n];
    sources[0] = new int[] {t.column(s.id())};
    List<String[]> derived = new ArrayList<>();
    for (int h = 1; h < n; h++) {
      List<Integer> cols = new ArrayList<>();
      for (ListSpec.Field f : s.fields()) {
        if (!f.role().equals(headers.get(h)) || f.type() == FieldType.IGNORE) {
          continue;
        }
        joined[h] = f.type() == FieldType.NAME;
        if (f.isAge()) {
          derived.add(birthYears(t, t.column(f.column()), t.column(f.ageStatedOn())));
          cols.add(-derived.size());
        } else {
          cols.add(t.column(f.column()));
        }
      }
      // a date as written before a year worked out from an age, wherever the columns stand
      cols.sort(java.util.Comparator.comparing(c -> c < 0));
      sources[h] = cols.stream().mapToInt(Integer::intValue).toArray();
    }
    List<List<String>> rows = new ArrayList<>(t.rows().size());
    for (int r = 0; r < t.rows().size(); r++) {
      rows.add(new RowView(t.rows().get(r), r, sources, joined, derived));
    }
    return new SourceTable(t.name(), headers, rows);
  }

  /** Per row, the birth year an age and the date it was stated give, or "". */
  private static String[] birthYears(SourceTable t, int ageColumn, int statedColumn) {
    DateText dates = new DateText(DateText.MAX_YEAR);
    String[] out = new String[t.rows().size()];
    for (int r = 0; r < out.length; r++) {
      List<String> row = t.rows().get(r);
      int age = DateText.age(row.get(ageColumn));
      Optional<PartialDate> stated =
          dates.read(row.get(statedColumn)).filter(d -> !d.fromAge()).map(DateReading::date);
      out[r] =
          age < 0 || stated.isEmpty()
              ? ""
              : DateText.fromAge(age, stated.get())
                  .map(d -> Integer.toString(d.date().year()))
                  .orElse("");
    }
    return out;
  }

  /**
   * A row of a role table: each cell the first non-blank of the list's columns for that role (all
   * of them, joined, for surname and given-name parts); negative sources are derived columns (ages
   * as birth years).
   */
  private static final class RowView extends AbstractList<String> {
    private final List<String> row;
    private final int index;
    private final int[][] sources;
    private final boolean[] joined;
    private final List<String[]> derived;

    RowView(
        List<String> row, int index, int[][] sources, boolean[] joined, List<String[]> derived) {
      this.row = row;
      this.index = index;
      this.sources = sources;
      this.joined = joined;
      this.derived = derived;
    }

    @Override
    public String get(int h) {
      int[] cols = sources[h];
      if (cols.length == 1) {
        return cell(cols[0]);
      }
      String out = "";
      for (int c : cols) {
        String v = cell(c);
        if (v.isBlank()) {
          continue;
        }
        if (!joined[h]) {
          return v;
        }
        out = out.isEmpty() ? v : out + " " + v;
      }
      return out;
    }

    private String cell(int c) {
      return c >= 0 ? row.get(c) : derived.get(-c - 1)[index];
    }

    @Override
    public int size() {
      return sources.length;
    }
  }
}
