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
import java.util.List;
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
 * @param idColumns names of the record id column, first match wins
 * @param fields the compared fields (ignored ones included, so the spec round-trips)
 * @param blocking blocking rules, each a list of keys that must all agree; empty = defaults
 * @param threshold match probability at and above which two records are linked
 * @param reviewLow lower end of the uncertain band sent to review
 * @param reviewHigh upper end of the uncertain band sent to review
 */
public record LinkSpec(
    List<String> idColumns,
    List<FieldSpec> fields,
    List<List<String>> blocking,
    double threshold,
    double reviewLow,
    double reviewHigh) {

  public static final double DEFAULT_THRESHOLD = 0.5;
  public static final double DEFAULT_REVIEW_LOW = 0.2;
  public static final double DEFAULT_REVIEW_HIGH = 0.8;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public LinkSpec {
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

  /** The same spec with another match threshold. */
  public LinkSpec withThreshold(double p) {
    return new LinkSpec(idColumns, fields, blocking, p, reviewLow, reviewHigh);
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
    List<String> ids = names(root.get("id"), where, "\"id\"");
    JsonNode fieldsNode = root.get("fields");
    if (fieldsNode == null || !fieldsNode.isArray() || fieldsNode.isEmpty()) {
      throw new BadInputException(where, "\"fields\" must be a non-empty array");
    }
    List<FieldSpec> fields = new ArrayList<>();
    for (JsonNode f : fieldsNode) {
      List<String> columns = names(f.get("column"), where, "\"column\"");
      JsonNode typeNode = f.get("type");
      String typeText = typeNode == null ? "" : typeNode.asText();
      FieldType type =
          FieldType.fromJson(typeText)
              .orElseThrow(
                  () ->
                      new BadInputException(
                          where,
                          "field \""
                              + columns.get(0)
                              + "\": unknown type \""
                              + typeText
                              + "\" (use name, full_name, date, year, sex, place, code, text,"
                              + " exact or ignore)"));
      JsonNode role = f.get("role");
      fields.add(new FieldSpec(columns, type, role == null ? null : role.asText()));
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
      return new LinkSpec(ids, fields, blocking, threshold, low, high);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(where, e.getMessage());
    }
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

  /** The spec as JSON, in the form {@link #parse} reads. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
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
