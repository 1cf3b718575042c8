package org.tumen.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tumen.model.BadInputException;

/**
 * What to link on (DESIGN.md, "Link spec"): the id column, the fields with their types, and
 * optionally the blocking rules and thresholds.
 *
 * <p>JSON: {@code {"id": COLUMN, "fields": [{"column": C, "type": T}, ...], "blocking": [[K, ...],
 * ...], "threshold": P, "review": [LOW, HIGH]}}. Where lists of different organisations name
 * columns differently, {@code "id"} and {@code "column"} may be arrays of names (each list uses the
 * first it has) and a field may carry a {@code "role"} ({@code surname}, {@code given}, {@code
 * full_name}, {@code birth_date}, {@code sex}, {@code place}); fields are matched across lists by
 * role. Blocking keys name a role or column, or one of {@code given_initial}, {@code
 * surname_initial}, {@code birth_year}.
 *
 * <p>Per-list form, for lists whose headers differ: {@code {"lists": {"a": {"id": C, "fields":
 * [{"column": C, "type": T, "role": R}, {"column": "나이", "type": "age", "stated_on": "면담일"}, ...]},
 * "b": {...}}, "blocking": ..., "threshold": P, "review": [LOW, HIGH]}}. Each list (keyed by its
 * source name, the file name with or without its extension) says what each of its columns is; lists
 * are compared on the roles at least two of them hold, and an age with the date it was stated is
 * compared as a birth year. {@link #infer} gives this form, and {@link #idColumns} and {@link
 * #fields} then hold every list's columns grouped by role (the single-spec view).
 *
 * @param idColumns names of the record id column, first match wins
 * @param fields the compared fields (ignored ones included, so the spec round-trips)
 * @param blocking blocking rules, each a list of keys that must all agree; empty = defaults
 * @param threshold match probability at and above which two records are linked
 * @param reviewLow lower end of the uncertain band sent to review
 * @param reviewHigh upper end of the uncertain band sent to review
 * @param lists per list, by source name, how it is read; empty for the single-spec form
 */
public record LinkSpec(
    List<String> idColumns,
    List<FieldSpec> fields,
    List<List<String>> blocking,
    double threshold,
    double reviewLow,
    double reviewHigh,
    Map<String, ListSpec> lists) {

  public static final double DEFAULT_THRESHOLD = 0.5;
  public static final double DEFAULT_REVIEW_LOW = 0.2;
  public static final double DEFAULT_REVIEW_HIGH = 0.8;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public LinkSpec {
    lists = Collections.unmodifiableMap(new LinkedHashMap<>(lists));
    idColumns = List.copyOf(idColumns);
    fields = List.copyOf(fields);
    blocking = blocking.stream().map(List::copyOf).toList();
    if (idColumns.isEmpty()) {
      throw new IllegalArgumentException("the spec needs an id column");
    }
    if (fields.stream().allMatch(f -> f.type() == FieldType.IGNORE)) {
      throw new IllegalArgumentException("the spec compares no field");
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must lie strictly between 0 and 1");
    }
    if (!(reviewLow > 0 && reviewLow <= reviewHigh && reviewHigh < 1)) {
      throw new IllegalArgumentException("review band must satisfy 0 < low <= high < 1");
    }
    for (List<String> rule : blocking) {
      if (rule.isEmpty()) {
        throw new IllegalArgumentException("a blocking rule names no key");
      }
    }
  }

  /** A spec in the single form: one set of columns for all lists. */
  public LinkSpec(
      List<String> idColumns,
      List<FieldSpec> fields,
      List<List<String>> blocking,
      double threshold,
      double reviewLow,
      double reviewHigh) {
    this(idColumns, fields, blocking, threshold, reviewLow, reviewHigh, Map.of());
  }

  /**
   * A spec in the per-list form; {@link #idColumns} and {@link #fields} are the lists' columns
   * grouped by role.
   *
   * @throws IllegalArgumentException if there is no list or no list compares anything
   */
  public static LinkSpec ofLists(
      Map<String, ListSpec> lists,
      List<List<String>> blocking,
      double threshold,
      double reviewLow,
      double reviewHigh) {
    if (lists.isEmpty()) {
      throw new IllegalArgumentException("the spec names no list");
    }
    List<String> ids = new ArrayList<>();
    Map<String, FieldSpec> byRole = new LinkedHashMap<>();
    for (ListSpec l : lists.values()) {
      if (!ids.contains(l.id())) {
        ids.add(l.id());
      }
      for (ListSpec.Field f : l.fields()) {
        boolean ignored = f.type() == FieldType.IGNORE || f.isAge();
        String key = ignored ? "\u0000" + f.column() : f.role();
        FieldSpec before = byRole.get(key);
        List<String> columns = new ArrayList<>(before == null ? List.of() : before.columns());
        if (!columns.contains(f.column())) {
          columns.add(f.column());
        }
        FieldType type = before != null ? before.type() : ignored ? FieldType.IGNORE : f.type();
        byRole.put(key, new FieldSpec(columns, type, ignored ? f.column() : f.role()));
      }
    }
    return new LinkSpec(
        ids, List.copyOf(byRole.values()), blocking, threshold, reviewLow, reviewHigh, lists);
  }

  /** The same spec with another match threshold. */
  public LinkSpec withThreshold(double p) {
    return new LinkSpec(idColumns, fields, blocking, p, reviewLow, reviewHigh, lists);
  }

  /** The lists as {@link Records#build} reads them: role tables for the per-list form. */
  ListReading.Prepared prepare(List<SourceTable> inputs) {
    return lists.isEmpty()
        ? new ListReading.Prepared(inputs, this)
        : ListReading.apply(this, inputs);
  }

  /** The index of a list's record id column, or -1. */
  public int idColumn(SourceTable t) {
    if (!lists.isEmpty()) {
      return ListReading.specOf(lists, t.name()).map(l -> t.column(l.id())).orElse(-1);
    }
    for (String c : idColumns) {
      if (t.column(c) >= 0) {
        return t.column(c);
      }
    }
    return -1;
  }

  /**
   * The index of the column of a list that holds a role as written ({@code sex}, {@code place},
   * {@code birth_date}; not an age), or -1.
   */
  public int column(SourceTable t, String role) {
    if (!lists.isEmpty()) {
      return ListReading.specOf(lists, t.name()).stream()
          .flatMap(l -> l.fields().stream())
          .filter(f -> f.role().equals(role) && f.type() != FieldType.IGNORE && !f.isAge())
          .mapToInt(f -> t.column(f.column()))
          .filter(c -> c >= 0)
          .findFirst()
          .orElse(-1);
    }
    for (FieldSpec f : fields) {
      if (f.role().equals(role) && f.type() != FieldType.IGNORE) {
        for (String c : f.columns()) {
          if (t.column(c) >= 0) {
            return t.column(c);
          }
        }
      }
    }
    return -1;
  }

  /** Reads a spec file. */
  public static LinkSpec read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException(file.toString(), "cannot read the spec: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses spec JSON.
   *
   * @param where names the spec in error messages
   * @throws BadInputException if the JSON is malformed or names an unknown type
   */
  public static LinkSpec parse(String json, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          where, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException(where, "a spec is a JSON object with \"id\" and \"fields\"");
    }
    List<List<String>> blocking = new ArrayList<>();
    JsonNode b = root.get("blocking");
    if (b != null && !b.isNull()) {
      if (!b.isArray()) {
        throw new BadInputException(where, "\"blocking\" must be an array of arrays of keys");
      }
      for (JsonNode rule : b) {
        blocking.add(names(rule, where, "a blocking rule"));
      }
    }
    double threshold = number(root, "threshold", DEFAULT_THRESHOLD, where);
    double low = DEFAULT_REVIEW_LOW;
    double high = DEFAULT_REVIEW_HIGH;
    JsonNode review = root.get("review");
    if (review != null) {
      if (!review.isArray() || review.size() != 2 || !review.get(0).isNumber()) {
        throw new BadInputException(where, "\"review\" must be [LOW, HIGH]");
      }
      low = review.get(0).asDouble();
      high = review.get(1).asDouble();
    }
    try {
      JsonNode lists = root.get("lists");
      if (lists != null) {
        return ofLists(parseLists(lists, where), blocking, threshold, low, high);
      }
      List<String> ids = names(root.get("id"), where, "\"id\"");
      List<FieldSpec> fields = new ArrayList<>();
      for (JsonNode f : fieldNodes(root, where)) {
        List<String> columns = names(f.get("column"), where, "\"column\"");
        JsonNode role = f.get("role");
        fields.add(
            new FieldSpec(
                columns, type(f, columns.get(0), where), role == null ? null : role.asText()));
      }
      return new LinkSpec(ids, fields, blocking, threshold, low, high);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(where, e.getMessage());
    }
  }

  private static JsonNode fieldNodes(JsonNode node, String where) {
    JsonNode fieldsNode = node.get("fields");
    if (fieldsNode == null || !fieldsNode.isArray() || fieldsNode.isEmpty()) {
      throw new BadInputException(where, "\"fields\" must be a non-empty array");
    }
    return fieldsNode;
  }

  private static FieldType type(JsonNode f, String column, String where) {
    JsonNode typeNode = f.get("type");
    String typeText = typeNode == null ? "" : typeNode.asText();
    return FieldType.fromJson(typeText)
        .orElseThrow(
            () ->
                new BadInputException(
                    where,
                    "field \""
                        + column
                        + "\": unknown type \""
                        + typeText
                        + "\" (use name, full_name, date, year, sex, place, code, text,"
                        + " exact or ignore"
                        + (typeText.equals("age") ? "; age only in a per-list spec" : "")
                        + ")"));
  }

  /** {@code {"a": {"id": C, "fields": [...]}, ...}}: each list's own columns. */
  private static Map<String, ListSpec> parseLists(JsonNode lists, String where) {
    if (!lists.isObject() || lists.isEmpty()) {
      throw new BadInputException(where, "\"lists\" must map each list's name to its spec");
    }
    Map<String, ListSpec> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : lists.properties()) {
      String at = where + ": list \"" + e.getKey() + "\"";
      JsonNode l = e.getValue();
      if (!l.isObject()) {
        throw new BadInputException(at, "a list's spec is an object with \"id\" and \"fields\"");
      }
      JsonNode id = l.get("id");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        throw new BadInputException(at, "\"id\" must name the list's record id column");
      }
      List<ListSpec.Field> fields = new ArrayList<>();
      for (JsonNode f : fieldNodes(l, at)) {
        JsonNode c = f.get("column");
        if (c == null || !c.isTextual() || c.asText().isBlank()) {
          throw new BadInputException(at, "each field's \"column\" must name one column");
        }
        String column = c.asText();
        JsonNode role = f.get("role");
        if (f.has("type") && f.get("type").asText().equals("age")) {
          JsonNode stated = f.get("stated_on");
          if (stated == null || !stated.isTextual() || stated.asText().isBlank()) {
            throw new BadInputException(
                at,
                "field \""
                    + column
                    + "\": an age needs \"stated_on\", the column of the date it was stated");
          }
          fields.add(ListSpec.Field.age(column, stated.asText()));
        } else {
          fields.add(
              ListSpec.Field.of(column, type(f, column, at), role == null ? null : role.asText()));
        }
      }
      out.put(e.getKey(), new ListSpec(id.asText(), fields));
    }
    return out;
  }

  private static double number(JsonNode root, String key, double dflt, String where) {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isNumber()) {
      throw new BadInputException(where, "\"" + key + "\" must be a number");
    }
    return n.asDouble();
  }

  private static List<String> names(JsonNode n, String where, String what) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isTextual()) {
      out.add(n.asText());
    } else if (n != null && n.isArray()) {
      for (JsonNode e : n) {
        if (!e.isTextual()) {
          throw new BadInputException(where, what + " must hold names (strings)");
        }
        out.add(e.asText());
      }
    }
    if (out.isEmpty() || out.stream().anyMatch(String::isBlank)) {
      throw new BadInputException(where, what + " must name a column");
    }
    return out;
  }

  /**
   * Infers a spec from the lists' headers (English, Korean, Chinese and FEBRL names) and values.
   */
  public static LinkSpec infer(List<SourceTable> inputs) {
    return SpecInference.infer(inputs);
  }

  /** The spec as JSON, in the form {@link #parse} reads (per-list when it has lists). */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    if (lists.isEmpty()) {
      putNames(root, "id", idColumns);
      ArrayNode fs = root.putArray("fields");
      for (FieldSpec f : fields) {
        ObjectNode o = fs.addObject();
        putNames(o, "column", f.columns());
        o.put("type", f.type().jsonName());
        if (!f.role().equals(FieldSpec.defaultRole(f.columns().get(0), f.type()))) {
          o.put("role", f.role());
        }
      }
    } else {
      ObjectNode ls = root.putObject("lists");
      lists.forEach(
          (name, l) -> {
            ObjectNode o = ls.putObject(name);
            o.put("id", l.id());
            ArrayNode fs = o.putArray("fields");
            for (ListSpec.Field f : l.fields()) {
              ObjectNode fo = fs.addObject();
              fo.put("column", f.column());
              if (f.isAge()) {
                fo.put("type", "age");
                fo.put("stated_on", f.ageStatedOn());
              } else {
                fo.put("type", f.type().jsonName());
                if (!f.role().equals(FieldSpec.defaultRole(f.column(), f.type()))) {
                  fo.put("role", f.role());
                }
              }
            }
          });
    }
    if (!blocking.isEmpty()) {
      ArrayNode b = root.putArray("blocking");
      for (List<String> rule : blocking) {
        ArrayNode r = b.addArray();
        rule.forEach(r::add);
      }
    }
    root.put("threshold", threshold);
    root.putArray("review").add(reviewLow).add(reviewHigh);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putNames(ObjectNode o, String key, List<String> names) {
    if (names.size() == 1) {
      o.put(key, names.get(0));
    } else {
      ArrayNode a = o.putArray(key);
      names.forEach(a::add);
    }
  }
}
