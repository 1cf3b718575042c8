package org.tumen.estimate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The estimate JSON of DESIGN.md: {@code {"method", "model", "lists", "observed", "estimate",
 * "interval": {"level", "lower", "upper"}, "diagnostics"}}. An inestimable model has {@code
 * "estimate": null}, {@code "interval": null} and the reason in {@code diagnostics.inestimable}.
 * JSON has no infinity, so an interval unbounded above has {@code "upper": null}; other non-finite
 * numbers are written as null too.
 */
public final class EstimateJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EstimateJson() {}

  /** One estimate as a JSON object. */
  public static String write(PopulationEstimate estimate) {
    return print(node(estimate));
  }

  /** Several estimates (e.g. {@code --method all}) as a JSON array. */
  public static String write(List<PopulationEstimate> estimates) {
    ArrayNode array = MAPPER.createArrayNode();
    estimates.forEach(e -> array.add(node(e)));
    return print(array);
  }

  /** One estimate as a Jackson tree, for callers that embed it in a larger document. */
  public static ObjectNode node(PopulationEstimate e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("method", e.method().id());
    o.put("model", e.model());
    ArrayNode lists = o.putArray("lists");
    e.lists().forEach(lists::add);
    o.put("observed", e.observed());
    number(o, "estimate", e.estimate());
    if (e.interval() == null) {
      o.putNull("interval");
    } else {
      ObjectNode i = o.putObject("interval");
      i.put("level", e.interval().level());
      number(i, "lower", e.interval().lower());
      number(i, "upper", e.interval().upper());
    }
    Diagnostics d = e.diagnostics();
    ObjectNode dn = o.putObject("diagnostics");
    number(dn, "deviance", d.deviance());
    if (d.df() == null) {
      dn.putNull("df");
    } else {
      dn.put("df", d.df());
    }
    number(dn, "aic", d.aic());
    number(dn, "bic", d.bic());
    ObjectNode convergence = dn.putObject("convergence");
    if (!d.strata().isEmpty()) {
      ObjectNode strata = convergence.putObject("strata");
      d.strata().forEach(s -> strata.set(s.stratum(), stratum(s)));
    }
    for (Map.Entry<String, Object> entry : d.convergence().entrySet()) {
      value(convergence, entry.getKey(), entry.getValue());
    }
    if (d.standardError() != null) {
      if (e.method() == Method.CHAO) {
        // Sample coverage has always said why, rather than null, when its bootstrap fails.
        if (Double.isFinite(d.standardError())) {
          convergence.put("bootstrapSe", d.standardError());
        } else {
          convergence.put("bootstrapSe", "not computable");
        }
      } else {
        number(convergence, "se", d.standardError());
      }
    }
    if (d.linkage() != null) {
      linkage(convergence, d.linkage());
    }
    ArrayNode warnings = dn.putArray("warnings");
    d.warnings().forEach(warnings::add);
    if (d.inestimable() == null) {
      dn.putNull("inestimable");
    } else {
      dn.put("inestimable", d.inestimable());
    }
    return o;
  }

  private static ObjectNode stratum(StratumEstimate s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("model", s.model());
    o.put("observed", s.observed());
    if (s.isEstimable()) {
      number(o, "estimate", s.estimate());
      number(o, "lower", s.interval().lower());
      number(o, "upper", s.interval().upper());
    }
    return o;
  }

  private static void linkage(ObjectNode o, LinkageDraws l) {
    o.put("linkageDraws", l.draws());
    ArrayNode estimates = o.putArray("linkageDrawEstimates");
    l.drawEstimates().forEach(v -> estimates.add(v == null || !Double.isFinite(v) ? null : v));
    ObjectNode models = o.putObject("linkageDrawModels");
    l.drawModels().forEach(models::put);
    number(o, "estimateFromClusters", l.estimateFromClusters());
    ends(o, "intervalFromClusters", l.intervalFromClusters());
    if (l.estimateFromDraws() != null) {
      number(o, "estimateFromDraws", l.estimateFromDraws());
      ends(o, "intervalFromDraws", l.intervalFromDraws());
    }
  }

  /** An interval as {@code [lower, upper]}, with null for an end that is not finite. */
  private static void ends(ObjectNode o, String field, Interval i) {
    ArrayNode a = o.putArray(field);
    for (double v : new double[] {i.lower(), i.upper()}) {
      if (Double.isFinite(v)) {
        a.add(v);
      } else {
        a.addNull();
      }
    }
  }

  private static void number(ObjectNode o, String field, Double v) {
    if (v == null || !Double.isFinite(v)) {
      o.putNull(field);
    } else {
      o.put(field, v);
    }
  }

  private static void value(ObjectNode o, String field, Object v) {
    if (v instanceof Double d) {
      number(o, field, d);
    } else if (v instanceof Float f) {
      number(o, field, f.doubleValue());
    } else if (v instanceof Number n) {
      o.put(field, n.longValue());
    } else if (v instanceof Boolean b) {
      o.put(field, b);
    } else if (v == null) {
      o.putNull(field);
    } else {
      JsonNode tree = MAPPER.valueToTree(v);
      o.set(field, tree);
    }
  }

  private static String print(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot happen: a tree always serialises", e);
    }
  }
}
