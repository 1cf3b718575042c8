package org.tumen.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tumen.model.BadInputException;
import org.tumen.model.Sex;

/**
 * All records of all lists, standardised once into columns of interned ids and cached folded
 * strings, so that comparing a pair allocates nothing and mostly compares ints.
 */
final class Records {

  final List<SourceTable> tables;
  final List<Field> fields;
  final int n;

  /** Per record: its list (index into tables) and its row in that list. */
  final int[] source;

  final int[] row;
  final String[] recordIds;

  /** Per field, per record: interned value id or -1 (for DATE/YEAR the packed date or -1). */
  final int[][] value;

  /** Per field (name kinds): per record the id of the name as written, before canonical keys. */
  final int[][] exact;

  /** Per field, per value id: the folded text. */
  final char[][][] text;

  /**
   * Per place field, per value id: the phonetic key of a place the gazetteer does not know, null
   * for a recognised province (null for other fields).
   */
  final char[][][] placeKey;

  /** Per field, per value id: how many records hold it. */
  final int[][] count;

  /** Per field: records with a value. */
  final int[] present;

  final int[] givenInitial;

  /** Per record: the id of its given name's similarity representation, or -1. */
  final int[] givenRep;

  /** Per representation: canonical key, plain letters, syllables, and whether written in Han. */
  char[][] repKey;

  char[][] repPlain;
  char[][][] repSyllables;
  boolean[] repHan;

  /** Per record: the loose keys of surname and given name ({@link Standardise#loose}), or -1. */
  final int[] surnameLoose;

  final int[] givenLoose;

  /** Per record: the loose key of the surname as written ({@link Standardise.Name}), or -1. */
  final int[] surnameAlternative;

  /** Per record: the loose surname as written in Latin letters, or null. */
  final char[][] surnameLatin;

  /** Per surname value: the loose Latin spellings the surname table lists for it (maybe none). */
  char[][][] surnameSpellings;

  /** Per record: the surname as written if it is one Hangul syllable, else 0. */
  final char[] surnameHangul;

  /** Per surname value: the Hangul forms the surname table lists for it (maybe none). */
  char[][] surnameHangulForms;

  /**
   * Per record: the name's syllables in any order ({@link Standardise.Name#syllableBag}), or -1.
   */
  final int[] nameBag;

  /** Per record: the longer of the two loose name keys (usually the given name, in any order). */
  final int[] longName;

  /** Surname and given name (loose keys) in either order: the smaller and larger id. */
  final int[] nameLow;

  final int[] nameHigh;
  final int[] surnameInitial;
  final String[] nameForm;

  /**
   * Per record: whether the name is written in Hangul or Hanja, where the given-name key is read
   * from the characters, so that two such keys that differ are two names, not two spellings.
   */
  final boolean[] koreanScript;

  /** Per table, per field: the columns read (for showing evidence); empty when absent. */
  final int[][][] columnsUsed;

  final int surnameField;
  final int givenField;
  final int dateField;

  private Records(List<SourceTable> tables, List<Field> fields, int n) {
    this.tables = tables;
    this.fields = fields;
    this.n = n;
    source = new int[n];
    row = new int[n];
    recordIds = new String[n];
    value = new int[fields.size()][n];
    exact = new int[fields.size()][];
    text = new char[fields.size()][][];
    placeKey = new char[fields.size()][][];
    count = new int[fields.size()][];
    present = new int[fields.size()];
    givenInitial = new int[n];
    givenRep = new int[n];
    surnameLoose = new int[n];
    surnameAlternative = new int[n];
    givenLoose = new int[n];
    longName = new int[n];
    nameBag = new int[n];
    surnameLatin = new char[n][];
    surnameHangul = new char[n];
    nameLow = new int[n];
    nameHigh = new int[n];
    surnameInitial = new int[n];
    nameForm = new String[n];
    koreanScript = new boolean[n];
    columnsUsed = new int[tables.size()][fields.size()][];
    surnameField = indexOf(fields, FieldSpec.SURNAME);
    givenField = indexOf(fields, FieldSpec.GIVEN);
    dateField = indexOf(fields, FieldSpec.BIRTH_DATE);
  }

  private static int indexOf(List<Field> fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The group of a pair for the prior λ: with up to five lists, one group per pair of lists (each
   * pair of organisations overlaps in its own way: a list of people who reached the South shares
   * few people with a list of people sent back), else within one list or across two.
   */
  int group(int a, int b) {
    int s = Math.min(source[a], source[b]);
    int t = Math.max(source[a], source[b]);
    int k = tables.size();
    if (k > 5) {
      return s == t ? 0 : 1;
    }
    return s * k - s * (s - 1) / 2 + (t - s);
  }

  int groups() {
    int k = tables.size();
    return k > 5 ? 2 : k * (k + 1) / 2;
  }

  /** Whether a group holds pairs within one list. */
  boolean groupWithin(int g) {
    int k = tables.size();
    if (k > 5) {
      return g == 0;
    }
    for (int s = 0; s < k; s++) {
      if (s * k - s * (s - 1) / 2 == g) {
        return true;
      }
    }
    return false;
  }

  /** All pairs of records in each group. */
  double[] groupPairs() {
    long[] sizes = new long[tables.size()];
    for (int r = 0; r < n; r++) {
      sizes[source[r]]++;
    }
    int k = tables.size();
    double[] out = new double[groups()];
    for (int s = 0; s < k; s++) {
      for (int t = s; t < k; t++) {
        double pairs = s == t ? sizes[s] * (sizes[s] - 1) / 2.0 : (double) sizes[s] * sizes[t];
        int g = k > 5 ? (s == t ? 0 : 1) : s * k - s * (s - 1) / 2 + (t - s);
        out[g] += pairs;
      }
    }
    return out;
  }

  Field field(int f) {
    return fields.get(f);
  }

  String sourceName(int r) {
    return tables.get(source[r]).name();
  }

  /** The raw cells a field was read from, joined, for the review file. */
  String raw(int f, int r) {
    int[] cols = columnsUsed[source[r]][f];
    StringBuilder sb = new StringBuilder();
    for (int c : cols) {
      String v = tables.get(source[r]).rows().get(row[r]).get(c);
      if (!v.isBlank()) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(v.strip());
      }
    }
    return sb.toString();
  }

  /** The comparison fields a spec defines: names by role (surname and given), others by role. */
  static List<Field> fieldsOf(LinkSpec spec) {
    Map<String, Field> out = new LinkedHashMap<>();
    boolean surname = false;
    boolean given = false;
    for (FieldSpec f : spec.fields()) {
      switch (f.type()) {
        case IGNORE -> {}
        case NAME, FULL_NAME -> {
          if (f.type() == FieldType.FULL_NAME || f.role().equals(FieldSpec.SURNAME)) {
            surname = true;
          }
          if (f.type() == FieldType.FULL_NAME || f.role().equals(FieldSpec.GIVEN)) {
            given = true;
          }
          if (f.type() == FieldType.NAME
              && !f.role().equals(FieldSpec.SURNAME)
              && !f.role().equals(FieldSpec.GIVEN)) {
            out.putIfAbsent(f.role(), new Field(f.role(), Field.Kind.NAME_PART));
          }
        }
        default -> out.putIfAbsent(f.role(), new Field(f.role(), Field.Kind.of(f.type())));
      }
    }
    List<Field> fields = new ArrayList<>();
    if (surname) {
      fields.add(new Field(FieldSpec.SURNAME, Field.Kind.SURNAME));
    }
    if (given) {
      fields.add(new Field(FieldSpec.GIVEN, Field.Kind.GIVEN));
    }
    fields.addAll(out.values());
    if (fields.size() > 15) {
      throw new BadInputException("spec", "at most 15 compared fields; mark others \"ignore\"");
    }
    return List.copyOf(fields);
  }

  private static int column(SourceTable t, List<String> names) {
    for (String c : names) {
      int i = t.column(c);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Standardises every record.
   *
   * @throws BadInputException if a list lacks the id column, holds an id twice or blank, or a
   *     field's column is in no list
   */
  static Records build(List<SourceTable> inputs, LinkSpec perListOrSingle) {
    if (inputs.isEmpty()) {
      throw new BadInputException("--input", "no input lists");
    }
    // a per-list spec reads each list into the columns of the roles the lists share
    ListReading.Prepared prepared = perListOrSingle.prepare(inputs);
    List<SourceTable> tables = prepared.tables();
    LinkSpec spec = prepared.spec();
    Map<String, Integer> names = new HashMap<>();
    for (SourceTable t : tables) {
      Integer before = names.put(t.name(), 1);
      if (before != null) {
        throw new BadInputException(
            t.name(), "two inputs have the same source name; rename one of the files");
      }
    }
    for (FieldSpec f : spec.fields()) {
      if (tables.stream().allMatch(t -> column(t, f.columns()) < 0)) {
        throw new BadInputException(
            tables.get(0).name(),
            "the spec names column \""
                + String.join("\" or \"", f.columns())
                + "\", which no input has");
      }
    }
    List<Field> fields = fieldsOf(spec);
    int n = tables.stream().mapToInt(t -> t.rows().size()).sum();
    Records rs = new Records(List.copyOf(tables), fields, n);
    Builder b = new Builder(rs);
    int r = 0;
    for (int ti = 0; ti < tables.size(); ti++) {
      SourceTable t = tables.get(ti);
      int idCol = column(t, spec.idColumns());
      if (idCol < 0) {
        throw new BadInputException(
            t.name(), "no id column \"" + String.join("\" or \"", spec.idColumns()) + "\"");
      }
      Map<String, Integer> seen = new HashMap<>();
      int[] sur = new int[0];
      int[] giv = new int[0];
      int[] full = new int[0];
      int[][] cols = new int[fields.size()][];
      for (FieldSpec f : spec.fields()) {
        int c = column(t, f.columns());
        if (c < 0 || f.type() == FieldType.IGNORE) {
          continue;
        }
        if (f.type() == FieldType.FULL_NAME) {
          full = append(full, c);
        } else if (f.type() == FieldType.NAME && f.role().equals(FieldSpec.SURNAME)) {
          sur = append(sur, c);
        } else if (f.type() == FieldType.NAME && f.role().equals(FieldSpec.GIVEN)) {
          giv = append(giv, c);
        } else {
          int fi = indexOf(fields, f.role());
          if (cols[fi] == null) {
            cols[fi] = new int[] {c};
          }
        }
      }
      if (rs.surnameField >= 0) {
        cols[rs.surnameField] = sur.length > 0 ? sur : full;
      }
      if (rs.givenField >= 0) {
        cols[rs.givenField] = giv.length > 0 ? giv : full;
      }
      for (int f = 0; f < fields.size(); f++) {
        rs.columnsUsed[ti][f] = cols[f] == null ? new int[0] : cols[f];
      }
      b.prefetch(t, sur, giv, full, cols);
      for (int i = 0; i < t.rows().size(); i++, r++) {
        List<String> row = t.rows().get(i);
        String id = row.get(idCol).strip();
        if (id.isEmpty()) {
          throw new BadInputException(
              BadInputException.at(t.name(), i + 2, idCol + 1), "blank record id");
        }
        Integer prev = seen.put(id, i);
        if (prev != null) {
          throw new BadInputException(
              BadInputException.at(t.name(), i + 2, idCol + 1),
              "duplicate id \"" + id + "\" (first on line " + (prev + 2) + ")");
        }
        rs.source[r] = ti;
        rs.row[r] = i;
        rs.recordIds[r] = id;
        b.record(r, row, sur, giv, full, cols);
      }
    }
    b.finish();
    return rs;
  }

  private static int[] append(int[] a, int v) {
    int[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }

  /** What {@link Builder#record} copies into the columns for a record with a given name. */
  private static final class NameIds {
    int surnameValue = -1;
    int surnameExact = -1;
    int surnameInitial = -1;
    int givenValue = -1;
    int givenExact = -1;
    int givenInitial = -1;
    int givenRep = -1;
    String form;
    boolean koreanScript;
    int surnameLoose;
    int surnameAlternative;
    int givenLoose;
    int longName;
    char surnameHangul;
    char[] surnameLatin;
    int nameBag;

    void fill(Records rs, int r) {
      if (rs.surnameField >= 0) {
        rs.value[rs.surnameField][r] = surnameValue;
        rs.exact[rs.surnameField][r] = surnameExact;
        rs.surnameInitial[r] = surnameInitial;
      }
      if (rs.givenField >= 0) {
        rs.value[rs.givenField][r] = givenValue;
        rs.exact[rs.givenField][r] = givenExact;
        rs.givenInitial[r] = givenInitial;
        rs.givenRep[r] = givenRep;
      }
      rs.nameForm[r] = form;
      rs.koreanScript[r] = koreanScript;
      rs.surnameLoose[r] = surnameLoose;
      rs.surnameAlternative[r] = surnameAlternative;
      rs.givenLoose[r] = givenLoose;
      rs.longName[r] = longName;
      rs.surnameHangul[r] = surnameHangul;
      rs.surnameLatin[r] = surnameLatin;
      rs.nameBag[r] = nameBag;
    }
  }

  /** Interns values and fills the columns. */
  private static final class Builder {
    private final Records rs;
    private final Standardise std = new Standardise();
    private final List<Map<String, Integer>> intern = new ArrayList<>();
    private final List<List<String>> values = new ArrayList<>();
    private final Map<String, Integer> exactIntern = new HashMap<>();
    private final Map<String, Integer> initials = new HashMap<>();
    private final Map<String, Standardise.Name> nameCache =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Integer> dateCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> placeCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final ThreadLocal<Standardise> workers = ThreadLocal.withInitial(Standardise::new);
    private final Map<String, Integer> reps = new HashMap<>();
    private final Map<String, NameIds> nameIds = new HashMap<>();
    private final List<Standardise.Name> repList = new ArrayList<>();

    Builder(Records rs) {
      this.rs = rs;
      for (int f = 0; f < rs.fields.size(); f++) {
        intern.add(new HashMap<>());
        values.add(new ArrayList<>());
        if (rs.fields.get(f).kind().termFrequency()) {
          rs.exact[f] = new int[rs.n];
        }
      }
    }

    private int id(int f, String v) {
      if (v == null || v.isEmpty()) {
        return -1;
      }
      Integer id = intern.get(f).get(v);
      if (id == null) {
        id = values.get(f).size();
        intern.get(f).put(v, id);
        values.get(f).add(v);
      }
      return id;
    }

    private static String join(List<String> row, int[] cols) {
      if (cols == null || cols.length == 0) {
        return null;
      }
      if (cols.length == 1) {
        return row.get(cols[0]);
      }
      StringBuilder sb = new StringBuilder();
      for (int c : cols) {
        sb.append(row.get(c)).append(' ');
      }
      return sb.toString();
    }

    /**
     * Standardises a list's distinct names, dates and places on all cores into the caches that
     * {@link #record} then reads: standardisation is the costliest step per record.
     */
    void prefetch(SourceTable t, int[] sur, int[] giv, int[] full, int[][] cols) {
      boolean names = rs.surnameField >= 0 || rs.givenField >= 0;
      java.util.stream.IntStream.range(0, t.rows().size())
          .parallel()
          .forEach(
              i -> {
                List<String> row = t.rows().get(i);
                Standardise w = workers.get();
                if (names) {
                  String s = sur.length > 0 ? join(row, sur) : null;
                  String g = giv.length > 0 ? join(row, giv) : null;
                  String fn = s == null && g == null && full.length > 0 ? join(row, full) : null;
                  if (s != null || g != null || fn != null) {
                    nameCache.computeIfAbsent(
                        s + "\u0001" + g + "\u0001" + fn, k -> w.name(s, g, fn));
                  }
                }
                for (int f = 0; f < rs.fields.size(); f++) {
                  String v = cols[f] == null ? null : join(row, cols[f]);
                  if (v == null) {
                    continue;
                  }
                  switch (rs.fields.get(f).kind()) {
                    case DATE, YEAR -> dateCache.computeIfAbsent(v, w::date);
                    case PLACE -> placeCache.computeIfAbsent(v, w::place);
                    default -> {}
                  }
                }
              });
    }

    void record(int r, List<String> row, int[] sur, int[] giv, int[] full, int[][] cols) {
      rs.givenInitial[r] = -1;
      rs.surnameInitial[r] = -1;
      rs.surnameLoose[r] = -1;
      rs.surnameAlternative[r] = -1;
      rs.givenLoose[r] = -1;
      rs.longName[r] = -1;
      rs.nameBag[r] = -1;
      rs.nameForm[r] = "";
      if (rs.surnameField >= 0 || rs.givenField >= 0) {
        String s = sur.length > 0 ? join(row, sur) : null;
        String g = giv.length > 0 ? join(row, giv) : null;
        String fn = s == null && g == null && full.length > 0 ? join(row, full) : null;
        if (s != null || g != null || fn != null) {
          String key = s + "\u0001" + g + "\u0001" + fn;
          NameIds ids = nameIds.get(key);
          if (ids == null) {
            ids = nameIds(nameCache.computeIfAbsent(key, k -> std.name(s, g, fn)));
            nameIds.put(key, ids);
          }
          ids.fill(rs, r);
        } else {
          if (rs.surnameField >= 0) {
            rs.value[rs.surnameField][r] = -1;
            rs.exact[rs.surnameField][r] = -1;
          }
          if (rs.givenField >= 0) {
            rs.value[rs.givenField][r] = -1;
            rs.exact[rs.givenField][r] = -1;
            rs.givenRep[r] = -1;
          }
        }
      }
      for (int f = 0; f < rs.fields.size(); f++) {
        if (f == rs.surnameField || f == rs.givenField) {
          continue;
        }
        String v = join(row, cols[f]);
        Field.Kind kind = rs.fields.get(f).kind();
        rs.value[f][r] =
            switch (kind) {
              case DATE -> v == null ? -1 : dateCache.computeIfAbsent(v, std::date);
              case YEAR -> year(v);
              case SEX -> v == null ? -1 : Sex.parse(v).map(Enum::ordinal).orElse(-1);
              case PLACE -> id(f, v == null ? null : placeCache.computeIfAbsent(v, std::place));
              case NAME_PART -> {
                String folded = Standardise.fold(v);
                rs.exact[f][r] = exactId(folded);
                yield id(f, folded);
              }
              default -> id(f, Standardise.fold(v));
            };
      }
    }

    /**
     * Interns everything a record takes from its standardised name, once per distinct written name:
     * a million records hold a few hundred thousand names, and interning a name's seven keys anew
     * for each record was most of the standardisation stage. The first record with a name interns
     * in the same order as before, so ids are the same.
     */
    private NameIds nameIds(Standardise.Name nm) {
      NameIds ids = new NameIds();
      if (rs.surnameField >= 0) {
        ids.surnameValue = id(rs.surnameField, nm.surnameKey());
        ids.surnameExact = exactId(nm.surnameWritten());
        ids.surnameInitial =
            nm.surnameKey().isEmpty() ? -1 : initial(nm.surnameKey().substring(0, 1));
      }
      if (rs.givenField >= 0) {
        ids.givenValue = id(rs.givenField, nm.givenKey());
        ids.givenExact = exactId(nm.givenWritten());
        ids.givenInitial = nm.givenInitial().isEmpty() ? -1 : initial(nm.givenInitial());
        ids.givenRep = nm.givenKey().isEmpty() ? -1 : rep(nm);
      }
      ids.form = nm.form();
      ids.koreanScript = nm.form().equals("hangul") || nm.form().equals("hanja");
      String sl = Standardise.loose(nm.surnameKey());
      String gl = Standardise.loose(nm.givenKey());
      ids.surnameLoose = rs.surnameField >= 0 ? exactId(sl) : -1;
      ids.surnameAlternative = rs.surnameField >= 0 ? exactId(nm.surnameAlternative()) : -1;
      ids.givenLoose = rs.givenField >= 0 ? exactId(gl) : -1;
      ids.longName = exactId(gl.length() >= sl.length() ? gl : sl);
      ids.surnameHangul = nm.surnameHangul();
      // Shared by every record with this name; nothing writes to it.
      ids.surnameLatin = nm.surnameLatin().isEmpty() ? null : nm.surnameLatin().toCharArray();
      ids.nameBag = rs.surnameField >= 0 && rs.givenField >= 0 ? exactId(nm.syllableBag()) : -1;
      return ids;
    }

    private int exactId(String v) {
      if (v == null || v.isEmpty()) {
        return -1;
      }
      return exactIntern.computeIfAbsent(v, k -> exactIntern.size());
    }

    /** Interns what given-name similarity needs beyond the key: plain letters and syllables. */
    private int rep(Standardise.Name nm) {
      String key =
          nm.givenKey() + '\u0001' + nm.givenPlain() + '\u0001' + nm.han() + nm.givenSyllables();
      return reps.computeIfAbsent(
          key,
          k -> {
            repList.add(nm);
            return repList.size() - 1;
          });
    }

    private int initial(String v) {
      return initials.computeIfAbsent(v, k -> initials.size());
    }

    private int year(String v) {
      int d = v == null ? -1 : dateCache.computeIfAbsent(v, std::date);
      return d < 0 ? -1 : d / 10000;
    }

    void finish() {
      int k = repList.size();
      rs.repKey = new char[k][];
      rs.repPlain = new char[k][];
      rs.repSyllables = new char[k][][];
      rs.repHan = new boolean[k];
      for (int i = 0; i < k; i++) {
        Standardise.Name nm = repList.get(i);
        rs.repKey[i] = nm.givenKey().toCharArray();
        rs.repPlain[i] = nm.givenPlain().toCharArray();
        rs.repSyllables[i] =
            nm.givenSyllables().stream().map(String::toCharArray).toArray(char[][]::new);
        rs.repHan[i] = nm.han();
      }
      for (int r = 0; r < rs.n; r++) {
        int s = rs.surnameLoose[r];
        int g = rs.givenLoose[r];
        rs.nameLow[r] = s < 0 || g < 0 ? -1 : Math.min(s, g);
        rs.nameHigh[r] = s < 0 || g < 0 ? -1 : Math.max(s, g);
      }
      if (rs.surnameField >= 0) {
        List<String> vs = values.get(rs.surnameField);
        rs.surnameSpellings = new char[vs.size()][][];
        rs.surnameHangulForms = new char[vs.size()][];
        for (int i = 0; i < vs.size(); i++) {
          rs.surnameHangulForms[i] =
              String.join("", org.tumen.link.name.NameStandardiser.hangulForms(vs.get(i)))
                  .toCharArray();
        }
        for (int i = 0; i < vs.size(); i++) {
          rs.surnameSpellings[i] =
              org.tumen.link.name.NameStandardiser.latinSpellings(vs.get(i)).stream()
                  .map(x -> Standardise.loose(x).toCharArray())
                  .toArray(char[][]::new);
        }
      }
      for (int f = 0; f < rs.fields.size(); f++) {
        Field.Kind kind = rs.fields.get(f).kind();
        List<String> vs = values.get(f);
        rs.text[f] = new char[vs.size()][];
        for (int i = 0; i < vs.size(); i++) {
          rs.text[f][i] = vs.get(i).toCharArray();
        }
        if (kind == Field.Kind.PLACE) {
          rs.placeKey[f] = new char[vs.size()][];
          for (int i = 0; i < vs.size(); i++) {
            String v = vs.get(i);
            boolean province = !v.isEmpty() && Character.isUpperCase(v.charAt(0));
            rs.placeKey[f][i] =
                province ? null : org.tumen.link.place.Gazetteer.key(v).toCharArray();
          }
        }
        rs.count[f] = new int[vs.size()];
        int present = 0;
        for (int r = 0; r < rs.n; r++) {
          int v = rs.value[f][r];
          if (v >= 0) {
            present++;
            if (kind != Field.Kind.DATE && kind != Field.Kind.YEAR && kind != Field.Kind.SEX) {
              rs.count[f][v]++;
            }
          }
        }
        rs.present[f] = present;
      }
    }
  }
}
