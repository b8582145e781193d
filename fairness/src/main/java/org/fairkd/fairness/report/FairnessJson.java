package org.fairkd.fairness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Writes a {@link FairnessReport} in the {@code fairkd.metrics/1} JSON shape (snake_case keys;
 * every estimate {@code {"value", "ci_low", "ci_high"}} or {@code {"value": null, "reason"}}).
 * {@link #modelNode} gives one model's {@code overall/slices/disparities/tests} object, which the
 * audit reuses for teacher and student.
 */
public final class FairnessJson {
  /** Schema identifier. */
  public static final String SCHEMA = "fairkd.metrics/1";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FairnessJson() {}

  /** The pretty-printed JSON text. */
  public static String write(FairnessReport report) {
    try {
      return MAPPER.writeValueAsString(toTree(report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON tree. */
  public static ObjectNode toTree(FairnessReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.set("config", config(report.config()));
    root.setAll(modelNode(report.primary()));
    if (report.comparison() != null) {
      root.set("comparison", comparisonNode(report.comparison()));
    }
    return root;
  }

  private static ObjectNode config(AnalysisConfig c) {
    ObjectNode n = MAPPER.createObjectNode();
    if (c.threshold() == null) {
      n.putNull("threshold");
    } else {
      n.put("threshold", c.threshold());
    }
    n.put("ci_level", c.ciLevel());
    n.put("bootstrap", c.bootstrap());
    n.put("seed", c.seed());
    n.put("min_slice_size", c.minSliceSize());
    n.put("correction", c.correction());
    n.set("references", strings(c.references()));
    n.set("reference_source", strings(c.referenceSource()));
    n.put("bootstrap_method", c.bootstrapMethod());
    n.put("weighted", c.weighted());
    n.put("soft_membership", c.softMembership());
    return n;
  }

  /** One model's {@code overall}, {@code slices}, {@code disparities}, {@code tests}. */
  public static ObjectNode modelNode(ModelResult m) {
    ObjectNode n = MAPPER.createObjectNode();
    ObjectNode overall = n.putObject("overall");
    overall.put("count", m.overall().count());
    overall.set("metrics", estimates(m.overall().metrics()));
    ArrayNode slices = n.putArray("slices");
    for (SliceResult s : m.slices()) {
      ObjectNode o = slices.addObject();
      o.set("attributes", strings(s.attributes()));
      o.put("count", s.count());
      o.put("status", s.status().jsonName());
      o.set("metrics", estimates(s.metrics()));
    }
    n.set("disparities", disparities(m.disparities()));
    ArrayNode tests = n.putArray("tests");
    for (SignificanceTest t : m.tests()) {
      ObjectNode o = tests.addObject();
      o.put("attribute", t.attribute());
      o.put("group", t.group());
      o.put("reference", t.reference());
      o.put("metric", t.metric());
      o.put("method", t.method());
      number(o, "statistic", t.statistic());
      o.put("p_value", t.pValue());
      o.put("p_adjusted", t.pAdjusted());
      o.put("correction", t.correction());
    }
    return n;
  }

  /** The {@code comparison} object. */
  public static ObjectNode comparisonNode(Comparison c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.set("fidelity", estimate(c.fidelity()));
    n.set("kl_divergence", estimate(c.klDivergence()));
    n.set("compared", modelNode(c.compared()));
    ObjectNode deltas = n.putObject("deltas");
    deltas.set("overall", estimates(c.deltas().overall()));
    ArrayNode slices = deltas.putArray("slices");
    for (SliceDelta s : c.deltas().slices()) {
      ObjectNode o = slices.addObject();
      o.set("attributes", strings(s.attributes()));
      o.set("metrics", estimates(s.metrics()));
      o.set("fidelity", estimate(s.fidelity()));
    }
    deltas.set("disparities", disparities(c.deltas().disparities()));
    ObjectNode tests = n.putObject("tests");
    PairedTests t = c.tests();
    ObjectNode mc = tests.putObject("mcnemar_accuracy");
    number(mc, "statistic", t.mcnemarStatistic());
    number(mc, "p_value", t.mcnemarPValue());
    ObjectNode dl = tests.putObject("delong_auc");
    number(dl, "difference", t.delongDifference());
    number(dl, "ci_low", t.delongCiLow());
    number(dl, "ci_high", t.delongCiHigh());
    number(dl, "p_value", t.delongPValue());
    return n;
  }

  private static ObjectNode disparities(Map<String, AttributeDisparities> map) {
    ObjectNode n = MAPPER.createObjectNode();
    map.forEach(
        (key, d) -> {
          ObjectNode o = n.putObject(key);
          o.put("reference", d.reference());
          d.overall().forEach((name, e) -> o.set(name, estimate(e)));
          d.byGroup().forEach((name, groups) -> o.set(name, estimates(groups)));
          ArrayNode skipped = o.putArray("skipped");
          for (SkippedGroup s : d.skipped()) {
            skipped.addObject().put("group", s.group()).put("reason", s.reason());
          }
        });
    return n;
  }

  private static ObjectNode estimates(Map<String, Estimate> map) {
    ObjectNode n = MAPPER.createObjectNode();
    map.forEach((k, e) -> n.set(k, estimate(e)));
    return n;
  }

  /** One estimate object. */
  public static ObjectNode estimate(Estimate e) {
    ObjectNode n = MAPPER.createObjectNode();
    number(n, "value", e.value());
    if (e.value() == null) {
      n.put("reason", e.reason());
    } else {
      number(n, "ci_low", e.ciLow());
      number(n, "ci_high", e.ciHigh());
    }
    return n;
  }

  private static void number(ObjectNode n, String key, Double v) {
    if (v == null || v.isNaN() || v.isInfinite()) {
      n.putNull(key);
    } else {
      n.put(key, v);
    }
  }

  private static ObjectNode strings(Map<String, String> map) {
    ObjectNode n = MAPPER.createObjectNode();
    map.forEach(n::put);
    return n;
  }
}
